import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EvaluationsInput,
  EvaluationsView,
  LinksInput,
  ScoresInput,
  ScoresView,
  TestInput,
  TestLinks,
  TestView,
} from '../../../../server/features/results/learning.contract.ts';
import type {
  ActionResults,
  ActualInput,
  IndicatorInput,
  IndicatorView,
  PortfolioResults,
  PortfolioResultsQuery,
} from '../../../../server/features/results/results.contract.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const action = (id: string) => `/api/actions/${encodeURIComponent(id)}`;
const activity = (id: string) => `/api/activities/${encodeURIComponent(id)}`;
const indicator = (id: string) => `/api/indicators/${encodeURIComponent(id)}`;

export function useActionResults(actionId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['results', 'action', language, actionId],
    queryFn: ({ signal }) => apiRequest<ActionResults>(`${action(actionId)}/results`, { signal }),
  });
}

export function usePortfolioResults(query: PortfolioResultsQuery) {
  return useQuery({
    queryKey: ['results', 'portfolio', query],
    queryFn: ({ signal }) =>
      apiRequest<PortfolioResults>('/api/portfolio/results', {
        signal,
        query: { region: query.region, topic: query.topic, year: query.year },
      }),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['results'] });
}

export function useCreateIndicator(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: IndicatorInput) =>
      apiRequest<IndicatorView>(`${action(actionId)}/indicators`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useRecordActual() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      indicatorId,
      periodId,
      version,
      actual,
    }: {
      indicatorId: string;
      periodId: string;
      version: number;
      actual: ActualInput;
    }) =>
      apiRequest<IndicatorView>(`${indicator(indicatorId)}/periods/${encodeURIComponent(periodId)}/actual`, {
        method: 'PUT',
        body: actual,
        ifMatch: version,
      }),
    onSuccess: refresh,
  });
}

export function useAddEvidence() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ indicatorId, periodId, file }: { indicatorId: string; periodId: string; file: File }) => {
      const form = new FormData();
      form.set('file', file);
      return apiRequest<IndicatorView>(
        `${indicator(indicatorId)}/periods/${encodeURIComponent(periodId)}/evidence`,
        { method: 'POST', body: form },
      );
    },
    onSuccess: refresh,
  });
}

export const evidenceUrl = (indicatorId: string, evidenceId: string) =>
  `${indicator(indicatorId)}/evidence/${encodeURIComponent(evidenceId)}`;

// Tests and evaluations of an activity.

export function useTest(activityId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['results', 'test', activityId],
    queryFn: ({ signal }) => apiRequest<TestView | null>(`${activity(activityId)}/test`, { signal }),
    enabled,
  });
}

export function useSaveTest(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ input, version }: { input: TestInput; version?: number }) =>
      apiRequest<TestView>(`${activity(activityId)}/test`, { method: 'PUT', body: input, ifMatch: version }),
    onSuccess: refresh,
  });
}

export function useScores(activityId: string) {
  return useQuery({
    queryKey: ['results', 'scores', activityId],
    queryFn: ({ signal }) => apiRequest<ScoresView>(`${activity(activityId)}/test-scores`, { signal }),
  });
}

export function useSaveScores(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ input, version }: { input: ScoresInput; version: number }) =>
      apiRequest<ScoresView>(`${activity(activityId)}/test-scores`, {
        method: 'PUT',
        body: input,
        ifMatch: version,
      }),
    onSuccess: refresh,
  });
}

export function useCreateLinks(activityId: string) {
  return useMutation({
    mutationFn: (input: LinksInput) =>
      apiRequest<TestLinks>(`${activity(activityId)}/test-links`, { method: 'POST', body: input }),
  });
}

export function useEvaluations(activityId: string) {
  return useQuery({
    queryKey: ['results', 'evaluations', activityId],
    queryFn: ({ signal }) => apiRequest<EvaluationsView>(`${activity(activityId)}/evaluations`, { signal }),
  });
}

export function useAddEvaluations(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: EvaluationsInput) =>
      apiRequest<EvaluationsView>(`${activity(activityId)}/evaluations`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}
