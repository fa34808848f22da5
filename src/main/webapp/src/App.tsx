import { AppShell, Burger, Button, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, NavLink as RouterLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from './auth/session';
import { useLiveEstimates } from './estimates/live';
import { useI18n } from './i18n/I18n';
import { routes } from './routes';
import { SignIn } from './pages/SignIn';

// Each page's code loads when the page is first opened: the sign-in and the frame come first, alone.
const EstimateList = lazy(() => import('./estimates/EstimateList').then((m) => ({ default: m.EstimateList })));
const EstimatePage = lazy(() => import('./estimates/EstimatePage').then((m) => ({ default: m.EstimatePage })));
const NewEstimate = lazy(() => import('./estimates/EstimateEditor').then((m) => ({ default: m.NewEstimate })));
const TemplatesPage = lazy(() => import('./templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const ErpPage = lazy(() => import('./erp/ErpPage').then((m) => ({ default: m.ErpPage })));
const RfqPage = lazy(() => import('./rfqs/RfqPage').then((m) => ({ default: m.RfqPage })));
const ReviseEstimate = lazy(() => import('./estimates/EstimateEditor').then((m) => ({ default: m.ReviseEstimate })));

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<Frame><SignIn /></Frame>} />
      <Route
        path="*"
        element={
          <SignedIn>
            <Frame menu>
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/" element={<Navigate to="/estimates" replace />} />
                  <Route path="/estimates" element={<EstimateList />} />
                  <Route path="/estimates/new" element={<NewEstimate />} />
                  <Route path="/estimates/:id" element={<EstimatePage />} />
                  <Route path="/estimates/:id/edit" element={<ReviseEstimate />} />
                  <Route path="/rfqs/*" element={<RfqPage />} />
                  <Route path="/erp/*" element={<ErpPage />} />
                  <Route path="/templates/*" element={<TemplatesPage />} />
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </Frame>
          </SignedIn>
        }
      />
    </Routes>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <Center mih="50vh">
      <Loader role="status" aria-label={t('page.loading')} />
    </Center>
  );
}

function NotFound() {
  return <Text role="alert">{useI18n().t('page.notFound')}</Text>;
}

/** Pages behind it need a signed-in user; anyone else goes to the sign-in and comes back after. */
function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  useLiveEstimates(session.data?.signedIn === true);
  if (session.isPending) {
    return <Loading />;
  }
  if (!session.data?.signedIn) {
    const from = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?from=${from}`} replace />;
  }
  return children;
}

/** The frame of every page: a header with the title, the language and the user; the menu when signed in. */
function Frame({ children, menu = false }: { children: ReactNode; menu?: boolean }) {
  const { t, switchLanguage } = useI18n();
  const [menuOpen, toggle] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const user = session.data?.user?.user;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={menu ? { width: 220, breakpoint: 'sm', collapsed: { mobile: !menuOpen } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {menu && <Burger opened={menuOpen} onClick={toggle.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />}
            <Title order={1} size="h4">
              {t('app.title')}
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {user && (
              <Text size="sm" visibleFrom="xs" data-testid="signed-in-user">
                {user}
              </Text>
            )}
            <Button variant="subtle" size="sm" onClick={switchLanguage}>
              {t('language.switch')}
            </Button>
            {user && (
              <Button
                variant="light"
                size="sm"
                loading={signOut.isPending}
                onClick={() => {
                  // Keycloak's session ends at the server's /logout, or the next sign-in would ask for nothing
                  const keycloak = session.data?.signOutUrl;
                  if (keycloak) {
                    window.location.assign(keycloak);
                  } else {
                    signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in') });
                  }
                }}
              >
                {t('signOut')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {menu && (
        <AppShell.Navbar p="xs" component="nav">
          {routes.filter((route) => session.data?.user?.permissions.includes(route.permission)).map((route) => (
            <NavLink
              key={route.path}
              component={RouterLink}
              to={route.path}
              label={t(route.title)}
              active={location.pathname.startsWith(route.path)}
              variant="filled"
              onClick={toggle.close}
              styles={{ root: { minHeight: 44 } }}
            />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
