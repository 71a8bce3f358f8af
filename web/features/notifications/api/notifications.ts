import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '../../../../server/features/notifications/notifications.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function useNotifications(page = 1, pageSize = 20) {
  return useQuery({
    queryKey: ['notifications', page, pageSize],
    queryFn: ({ signal }) =>
      apiRequest<NotificationList>('/api/notifications', { query: { page, pageSize }, signal }),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      apiRequest<{ unread: number }>(
        id === 'all' ? '/api/notifications/read-all' : `/api/notifications/${id}/read`,
        {
          method: 'POST',
        },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/** Keeps the language of the user's notification mails in step with the interface language. */
export function useMailLanguageSync() {
  const settings = useQuery({
    queryKey: ['notifications', 'settings'],
    queryFn: ({ signal }) => apiRequest<{ language: string }>('/api/notifications/settings', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (next: string) =>
      apiRequest<{ language: string }>('/api/notifications/settings', {
        method: 'PUT',
        body: { language: next },
      }),
    onSuccess: (saved) => queryClient.setQueryData(['notifications', 'settings'], saved),
  });
  return { current: settings.data?.language, save };
}
