import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  DashboardBody,
  DashboardQuery,
} from '../../../../server/features/dashboard/dashboard.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export type DashboardFilters = { [K in keyof DashboardQuery]?: string };

export function useDashboard(filters: DashboardFilters) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['dashboard', language, filters],
    queryFn: ({ signal }) => apiRequest<DashboardBody>('/api/dashboard', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The address of one chart's table as a file, under the same filters. */
export function chartTableUrl(chart: string, format: 'csv' | 'xlsx', filters: DashboardFilters) {
  const params = new URLSearchParams([
    ['chart', chart],
    ['format', format],
    ...Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ]);
  return `/api/dashboard/table?${params}`;
}
