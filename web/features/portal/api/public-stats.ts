import { useQuery } from '@tanstack/react-query';
import type { PublicStats } from '../../../../server/features/public/public.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/** Live figures of the portfolio, computed by the server from the data. */
export function usePublicStats() {
  const language = useLanguage();
  return useQuery({
    queryKey: ['public', 'stats', language],
    queryFn: ({ signal }) => apiRequest<PublicStats>('/api/public/stats', { signal }),
  });
}
