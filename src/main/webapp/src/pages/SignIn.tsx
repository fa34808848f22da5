import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
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

/** The sign-in page: the demo users' password form on the embedded default, Keycloak's link in production. */
export function SignIn() {
  const { t } = useI18n();
  const session = useSession();
  const signIn = useSignIn();
  const [params] = useSearchParams();
  const form = useForm<Credentials>({ resolver: zodResolver(credentials), defaultValues: { username: '', password: '' } });
  const back = returnPath(params.get('from'));

  if (session.data?.signedIn) {
    return <Navigate to={back} replace />;
  }
  const refused = signIn.error instanceof ApiError ? signIn.error.problem : null;
  return (
    <Center mih="70vh">
      <Paper withBorder p="lg" w="100%" maw={380}>
        <Stack>
          <Title order={2}>{t('signIn.title')}</Title>
          {session.data?.signIn === 'keycloak' && session.data.signInUrl ? (
            <Anchor href={session.data.signInUrl}>{t('signIn.keycloak')}</Anchor>
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
