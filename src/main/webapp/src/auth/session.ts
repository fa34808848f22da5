import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type Schemas } from '../api/http';

/** GET /api/v1/auth/session: who is signed in, and how one signs in here. */
export type Session = Schemas['SessionView'];

const SESSION = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION, queryFn: () => ok(client.GET('/api/v1/auth/session')), staleTime: 60_000 });
}

export function useSignIn() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Schemas['SignIn']) => ok(client.POST('/api/v1/auth/session', { body: credentials })),
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
    mutationFn: () => ok(client.DELETE('/api/v1/auth/session')),
    onSuccess: () => {
      queries.clear();
      return queries.invalidateQueries({ queryKey: SESSION });
    },
  });
}
