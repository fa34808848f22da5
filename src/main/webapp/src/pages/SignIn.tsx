import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Navigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ApiError } from '../api/http';
import { useSession, useSignIn } from '../auth/session';
import { useI18n } from '../i18n/I18n';

const credentials = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

type Credentials = z.infer<typeof credentials>;

/** Where a page that needed a signed-in user sends the browser back to: only a path of this UI, never a URL. */
export function returnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/estimates';
}

/**
 * The page a Keycloak sign-in returns to: the server always lands it on /sign-in (it cannot know the UI's pages),
 * so the page that asked is kept in this tab until then.
 */
const AFTER_KEYCLOAK = 'kis.signIn.from';

export function rememberReturn(from: string | null, storage: Pick<Storage, 'setItem'> = sessionStorage) {
  storage.setItem(AFTER_KEYCLOAK, returnPath(from));
}

export function takeReturn(from: string | null, storage: Pick<Storage, 'getItem' | 'removeItem'> = sessionStorage) {
  const kept = storage.getItem(AFTER_KEYCLOAK);
  storage.removeItem(AFTER_KEYCLOAK);
  return returnPath(from ?? kept);
}

/** The sign-in page: the demo users' password form on the embedded default, Keycloak's link in production. */
export function SignIn() {
  const { t } = useI18n();
  const session = useSession();
  const signIn = useSignIn();
  const [params] = useSearchParams();
  const form = useForm<Credentials>({ resolver: zodResolver(credentials), defaultValues: { username: '', password: '' } });
  const from = params.get('from');

  if (session.data?.signedIn) {
    return <Navigate to={takeReturn(from)} replace />;
  }
  const refused = signIn.error instanceof ApiError ? signIn.error.problem : null;
  return (
    <Center mih="70vh">
      <Paper withBorder p="lg" w="100%" maw={380}>
        <Stack>
          <Title order={2}>{t('signIn.title')}</Title>
          {session.data?.signIn === 'keycloak' && session.data.signInUrl ? (
            <Button component="a" size="md" href={session.data.signInUrl} onClick={() => rememberReturn(from)}>
              {t('signIn.keycloak')}
            </Button>
          ) : (
            <form onSubmit={form.handleSubmit((values) => signIn.mutate(values))} noValidate>
              <Stack>
                {refused && (
                  <Alert color="red" role="alert">
                    {refused.status === 401 ? t('signIn.wrong') : (refused.detail ?? refused.title)}
                  </Alert>
                )}
                <TextInput
                  label={t('signIn.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  size="md"
                  error={form.formState.errors.username && t('signIn.required')}
                  {...form.register('username')}
                />
                <PasswordInput
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  size="md"
                  error={form.formState.errors.password && t('signIn.required')}
                  {...form.register('password')}
                />
                <Button type="submit" size="md" loading={signIn.isPending}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
