import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityDetail,
  ActivityInput,
  ActivityListItem,
  ActivityPatch,
  CalendarPage,
} from '../../../../server/features/activities/activities.contract.ts';
import { apiRequest, type QueryParams } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export function useActionActivities(actionId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['activities', 'of-action', language, actionId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: ActivityListItem[] }>(`/api/actions/${encodeURIComponent(actionId)}/activities`, {
        signal,
      }),
  });
}

export function useActivity(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['activities', 'detail', language, id],
    queryFn: ({ signal }) =>
      apiRequest<ActivityDetail>(`/api/activities/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCalendar(filters: QueryParams) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['activities', 'calendar', language, filters],
    queryFn: ({ signal }) => apiRequest<CalendarPage>('/api/activities', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A change to an activity changes lists, calendars, Actions' timelines and progress too. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['activities'] }),
      queryClient.invalidateQueries({ queryKey: ['actions'] }),
    ]);
}

export function useCreateActivity(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      apiRequest<ActivityDetail>(`/api/actions/${encodeURIComponent(actionId)}/activities`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useUpdateActivity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: ActivityPatch; version: number }) =>
      apiRequest<ActivityDetail>(`/api/activities/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: patch,
        ifMatch: version,
      }),
    onSuccess: refresh,
  });
}

export type ActivityVerb = 'confirm' | 'hold' | 'postpone' | 'cancel';

export function useActivityVerb(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ verb, reason }: { verb: ActivityVerb; reason?: string }) =>
      apiRequest<ActivityDetail>(`/api/activities/${encodeURIComponent(id)}/${verb}`, {
        method: 'POST',
        body: reason ? { reason } : undefined,
      }),
    onSuccess: refresh,
  });
}

export function useReportActivity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, summary }: { file: File; summary: string }) => {
      const form = new FormData();
      form.set('summary', summary);
      form.set('file', file);
      return apiRequest<ActivityDetail>(`/api/activities/${encodeURIComponent(id)}/report`, {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: refresh,
  });
}
