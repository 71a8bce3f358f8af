import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  PublicActionDetail,
  PublicActionPage,
} from '../../../../server/features/public/public.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export type PublicActionFilters = {
  status: 'ongoing' | 'completed';
  topic?: string;
  region?: string;
  page: number;
  pageSize: number;
};

export function usePublicActions(filters: PublicActionFilters) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['public', 'actions', language, filters],
    queryFn: ({ signal }) => apiRequest<PublicActionPage>('/api/public/actions', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicAction(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['public', 'action', language, id],
    queryFn: ({ signal }) =>
      apiRequest<PublicActionDetail>(`/api/public/actions/${encodeURIComponent(id)}`, { signal }),
  });
}
