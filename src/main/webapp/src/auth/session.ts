import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';

export interface Me {
  user: string;
  roles: string[];
  teams: string[];
  permissions: string[];
  mfa: boolean;
}

/** GET /api/v1/auth/session: who is signed in, and how one signs in here. */
export interface Session {
  signedIn: boolean;
  user: Me | null;
  signIn: 'password' | 'keycloak';
  signInUrl: string | null;
}

const SESSION = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION, queryFn: () => api<Session>('/api/v1/auth/session'), staleTime: 60_000 });
}

export function useSignIn() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api<Session>('/api/v1/auth/session', { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      // every cached answer belonged to nobody or to the one before
      queries.clear();
      queries.setQueryData(SESSION, session);
    },
  });
}

export function useSignOut() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/session', { method: 'DELETE' }),
    onSuccess: () => {
      queries.clear();
      return queries.invalidateQueries({ queryKey: SESSION });
    },
  });
}
