import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse } from '../../../../server/features/auth/auth.contract.ts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';

export const sessionQueryKey = ['session'] as const;

async function fetchSession(signal: AbortSignal): Promise<LoginResponse> {
  const session = await apiRequest<LoginResponse>('/api/auth/me', { signal });
  setCsrfToken(session.csrfToken);
  return session;
}

const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 5 * 60 * 1000,
  retry: false,
});

/** The signed-in user and CSRF token; fails with a 401 ApiError when nobody is signed in. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** Asks who is signed in before any component does (the staff area's first question). */
export function prefetchSession(queryClient: QueryClient) {
  return queryClient.prefetchQuery(sessionQuery);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string; otp?: string }) =>
      apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // A new user may see other data: nothing cached for the previous one may show.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

/** Signs out; `onSignedOut` runs (e.g. leaves the staff area) before the cache is emptied. */
export function useSignOut(onSignedOut: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>('/api/auth/logout', { method: 'POST' }),
    // Even if the server could not be reached, this browser forgets the session.
    onSettled: () => {
      setCsrfToken(null);
      onSignedOut();
      queryClient.clear();
    },
  });
}
