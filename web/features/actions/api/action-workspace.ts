import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionDesign,
  ActionDesignPatch,
  ActionTimeline,
} from '../../../../server/features/actions/action-design.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const base = (id: string) => `/api/actions/${encodeURIComponent(id)}`;

export function useActionDesign(id: string) {
  return useQuery({
    queryKey: ['actions', 'design', id],
    queryFn: ({ signal }) => apiRequest<ActionDesign>(`${base(id)}/design`, { signal }),
  });
}

export function useActionTimeline(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['actions', 'timeline', language, id],
    queryFn: ({ signal }) => apiRequest<ActionTimeline>(`${base(id)}/timeline`, { signal }),
  });
}

export function usePartnerOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['partner-organisations'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: { id: string; name: string; acronym: string | null }[] }>(
        '/api/partner-organisations',
        {
          signal,
        },
      ),
    enabled,
    staleTime: 10 * 60 * 1000,
  });
}

/** After any change to an Action, everything read about it is read again. */
function useRefreshActions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['actions'] });
}

export function useUpdateDesign(id: string) {
  const refresh = useRefreshActions();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: ActionDesignPatch; version: number }) =>
      apiRequest<ActionDesign>(base(id), { method: 'PATCH', body: patch, ifMatch: version }),
    onSuccess: refresh,
  });
}

export function useDesignComment(id: string) {
  const refresh = useRefreshActions();
  return useMutation({
    mutationFn: (body: string) =>
      apiRequest<ActionDesign>(`${base(id)}/design-comments`, { method: 'POST', body: { body } }),
    onSuccess: refresh,
  });
}

export type ActionVerb = 'start' | 'close' | 'complete' | 'suspend' | 'resume' | 'cancel';

export function useActionVerb(id: string) {
  const refresh = useRefreshActions();
  return useMutation({
    mutationFn: ({ verb, reason }: { verb: ActionVerb; reason?: string }) =>
      apiRequest<unknown>(`${base(id)}/${verb}`, { method: 'POST', body: reason ? { reason } : undefined }),
    onSuccess: refresh,
  });
}
