import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeliverableDetail,
  DeliverableInput,
  DeliverableList,
  DeliverablePatch,
} from '../../../../server/features/deliverables/deliverables.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const one = (id: string) => `/api/deliverables/${encodeURIComponent(id)}`;

export function useActionDeliverables(actionId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['deliverables', 'of-action', language, actionId],
    queryFn: ({ signal }) =>
      apiRequest<DeliverableList>(`/api/actions/${encodeURIComponent(actionId)}/deliverables`, { signal }),
  });
}

/** Deliverables across the Actions the user may see; for an expert, those they work on. */
export function useDeliverables() {
  const language = useLanguage();
  return useQuery({
    queryKey: ['deliverables', 'list', language],
    queryFn: ({ signal }) => apiRequest<DeliverableList>('/api/deliverables', { signal }),
  });
}

export function useDeliverable(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['deliverables', 'detail', language, id],
    queryFn: ({ signal }) => apiRequest<DeliverableDetail>(one(id), { signal }),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['deliverables'] }),
      queryClient.invalidateQueries({ queryKey: ['actions'] }),
    ]);
}

export function useCreateDeliverable(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: DeliverableInput) =>
      apiRequest<DeliverableDetail>(`/api/actions/${encodeURIComponent(actionId)}/deliverables`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useUpdateDeliverable(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: DeliverablePatch; version: number }) =>
      apiRequest<DeliverableDetail>(one(id), { method: 'PATCH', body: patch, ifMatch: version }),
    onSuccess: refresh,
  });
}

export function useUploadVersion(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      file,
      changeNote,
      language,
    }: {
      file: File;
      changeNote: string;
      language: string | null;
    }) => {
      const form = new FormData();
      form.set('changeNote', changeNote);
      if (language) form.set('language', language);
      form.set('file', file);
      return apiRequest<DeliverableDetail>(`${one(id)}/versions`, { method: 'POST', body: form });
    },
    onSuccess: refresh,
  });
}

export type DeliverableVerb = 'submit-for-review' | 'validate' | 'request-changes' | 'publish';

export function useDeliverableVerb(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ verb, reason }: { verb: DeliverableVerb; reason?: string }) =>
      apiRequest<DeliverableDetail>(`${one(id)}/${verb}`, {
        method: 'POST',
        body: reason ? { reason } : undefined,
      }),
    onSuccess: refresh,
  });
}

export function useCommentOnDeliverable(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (comment: { body: string; versionNumber?: number }) =>
      apiRequest<DeliverableDetail>(`${one(id)}/comments`, { method: 'POST', body: comment }),
    onSuccess: refresh,
  });
}

/** The roster's names, to choose who works on a deliverable (staff only). */
export function useRosterNames(enabled: boolean) {
  return useQuery({
    queryKey: ['experts', 'names'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: { id: string; fullName: string }[] }>('/api/experts', {
        query: { pageSize: 200 },
        signal,
      }),
    enabled,
    staleTime: 5 * 60 * 1000,
  });
}
