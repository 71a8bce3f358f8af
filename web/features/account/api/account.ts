import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SessionList,
  SignInOptions,
  TotpConfirmResponse,
  TotpSetupResponse,
} from '../../../../server/features/auth/account.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../auth/api/session.ts';

export function useSignInOptions() {
  return useQuery({
    queryKey: ['sign-in-options'],
    queryFn: ({ signal }) => apiRequest<SignInOptions>('/api/auth/sign-in-options', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSessions() {
  return useQuery({
    queryKey: ['account', 'sessions'],
    queryFn: ({ signal }) => apiRequest<SessionList>('/api/auth/sessions', { signal }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<unknown>(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', 'sessions'] }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiRequest<unknown>('/api/auth/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', 'sessions'] }),
  });
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest<unknown>('/api/auth/password-reset/request', { method: 'POST', body: { email } }),
  });
}

export function useConfirmReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      apiRequest<unknown>('/api/auth/password-reset/confirm', { method: 'POST', body }),
  });
}

export function useTotpSetup() {
  return useMutation({
    mutationFn: () => apiRequest<TotpSetupResponse>('/api/auth/totp/setup', { method: 'POST' }),
  });
}

export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<TotpConfirmResponse>('/api/auth/totp/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
