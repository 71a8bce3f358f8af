import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignExpertBody,
  DeploymentView,
} from '../../../../server/features/experts/deployments.contract.ts';
import type {
  ExpertDetail,
  ExpertInput,
  ExpertPage,
  MyAssignments,
} from '../../../../server/features/experts/experts.contract.ts';
import type { ExpertMatches } from '../../../../server/features/experts/matching.contract.ts';
import { apiRequest, type QueryParams } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export function useExperts(filters: QueryParams) {
  return useQuery({
    queryKey: ['experts', 'list', filters],
    queryFn: ({ signal }) => apiRequest<ExpertPage>('/api/experts', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExpert(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['experts', 'detail', language, id],
    queryFn: ({ signal }) => apiRequest<ExpertDetail>(`/api/experts/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useMyAssignments() {
  const language = useLanguage();
  return useQuery({
    queryKey: ['experts', 'mine', language],
    queryFn: ({ signal }) => apiRequest<MyAssignments>('/api/experts/me/assignments', { signal }),
  });
}

export function useExpertMatches(activityId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['experts', 'matches', activityId],
    queryFn: ({ signal }) =>
      apiRequest<ExpertMatches>(`/api/activities/${encodeURIComponent(activityId)}/expert-matches`, {
        query: { limit: 10 },
        signal,
      }),
    enabled,
  });
}

/** Deployments change the activity, the matches, the roster's counts and the Action's timeline. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['experts', 'activities', 'actions'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
}

export function useCreateExpert() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ExpertInput) =>
      apiRequest<ExpertDetail>('/api/experts', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useAssignExpert(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AssignExpertBody) =>
      apiRequest<DeploymentView>(`/api/activities/${encodeURIComponent(activityId)}/experts`, {
        method: 'POST',
        body,
      }),
    onSuccess: refresh,
  });
}

export function useWithdrawExpert(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (expertId: string) =>
      apiRequest<null>(
        `/api/activities/${encodeURIComponent(activityId)}/experts/${encodeURIComponent(expertId)}`,
        {
          method: 'DELETE',
        },
      ),
    onSuccess: refresh,
  });
}

export function useFeedback(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ expertId, score, comment }: { expertId: string; score: number; comment: string }) =>
      apiRequest<null>(
        `/api/activities/${encodeURIComponent(activityId)}/experts/${encodeURIComponent(expertId)}/feedback`,
        { method: 'POST', body: { score, comment } },
      ),
    onSuccess: refresh,
  });
}

export function useUploadCv(expertId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file);
      return apiRequest<unknown>(`/api/experts/${encodeURIComponent(expertId)}/cv`, {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: refresh,
  });
}
