import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../server/features/audit/audit.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** The audit log, page after page (keyset: each page continues from the last event of the one before). */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<AuditPage>('/api/admin/audit', {
        query: { ...filters, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
