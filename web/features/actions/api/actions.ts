import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ActionDetail, ActionPage } from '../../../../server/features/actions/actions.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import type { ActionFilters } from '../hooks/use-action-filters.ts';

/** The Actions the signed-in user may see (a partner: its institution's only), one page at a time. */
export function useActions(filters: ActionFilters) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['actions', 'list', language, filters],
    queryFn: ({ signal }) => apiRequest<ActionPage>('/api/actions', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAction(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['actions', 'detail', language, id],
    queryFn: ({ signal }) => apiRequest<ActionDetail>(`/api/actions/${encodeURIComponent(id)}`, { signal }),
  });
}
