import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExternalActivityPage,
  ImportResult,
  ProblemsReport,
} from '../../../../server/features/iati/iati.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/** Where the export is published; `all` adds the Actions the public does not see (staff only). */
export const exportUrl = (all: boolean) => `/api/iati/activities.xml${all ? '?all=true' : ''}`;

/** The problems of the export, checked when asked for (it builds the whole file). */
export function useProblems(all: boolean) {
  return useQuery({
    queryKey: ['iati', 'problems', all],
    queryFn: ({ signal }) =>
      apiRequest<ProblemsReport>('/api/iati/problems', { query: { all: all ? 'true' : undefined }, signal }),
    enabled: false,
    retry: false,
  });
}

export function useImportFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiRequest<ImportResult>('/api/iati/import', { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['iati', 'external'] }),
  });
}

export type ExternalFilters = { country?: string; topic?: string; page: number };

export function useExternalActivities(filters: ExternalFilters) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['iati', 'external', language, filters],
    queryFn: ({ signal }) =>
      apiRequest<ExternalActivityPage>('/api/external-activities', {
        query: { ...filters, pageSize: 20 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
