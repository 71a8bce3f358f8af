import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attachment,
  Board,
  CreateRequestBody,
  MessageList,
  RequestDetail,
  RequestFormOptions,
  RequestPage,
  Timeline,
  UpdateRequestBody,
} from '../../../../server/features/requests/requests.contract.ts';
import { apiRequest, type QueryParams } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const path = (id: string, rest = '') => `/api/requests/${encodeURIComponent(id)}${rest}`;

export function useRequests(filters: QueryParams) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['requests', 'list', language, filters],
    queryFn: ({ signal }) => apiRequest<RequestPage>('/api/requests', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: ['requests', 'detail', id],
    queryFn: ({ signal }) => apiRequest<RequestDetail>(path(id), { signal }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['requests', 'timeline', id],
    queryFn: ({ signal }) => apiRequest<Timeline>(path(id, '/timeline'), { signal }),
  });
}

export function useMessages(id: string) {
  return useQuery({
    queryKey: ['requests', 'messages', id],
    queryFn: ({ signal }) => apiRequest<MessageList>(path(id, '/messages'), { signal }),
  });
}

export function useFormOptions() {
  return useQuery({
    queryKey: ['requests', 'form-options'],
    queryFn: ({ signal }) => apiRequest<RequestFormOptions>('/api/requests/form-options', { signal }),
    staleTime: 10 * 60 * 1000,
  });
}

export function useBoard(filters: QueryParams) {
  return useQuery({
    queryKey: ['requests', 'board', filters],
    queryFn: ({ signal }) => apiRequest<Board>('/api/requests/board', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Everything about requests (and the notifications they raise) is stale after a change. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['requests'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    void queryClient.invalidateQueries({ queryKey: ['actions'] });
  };
}

export function useCreateRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateRequestBody) =>
      apiRequest<RequestDetail>('/api/requests', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateRequest(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateRequestBody; version: number }) =>
      apiRequest<RequestDetail>(path(id), { method: 'PATCH', body, ifMatch: version }),
    onSuccess: refresh,
  });
}

export type Step =
  | 'submit'
  | 'start-screening'
  | 'ask-clarification'
  | 'resubmit'
  | 'send-to-steering'
  | 'approve'
  | 'decline'
  | 'withdraw';

export function useTransition(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ step, body }: { step: Step; body?: Record<string, string> }) =>
      apiRequest<RequestDetail>(path(id, `/${step}`), { method: 'POST', body: body ?? {} }),
    onSuccess: refresh,
  });
}

export function useSaveAssessment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      version,
      ...body
    }: {
      assessment: string;
      recommendation: 'approve' | 'decline' | null;
      version: number;
    }) =>
      apiRequest<RequestDetail>(path(id, '/assessment'), {
        method: 'PUT',
        body,
        ifMatch: version,
      }),
    onSuccess: refresh,
  });
}

export function useCreateAction(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      apiRequest<{ id: string; name: string }>(path(id, '/create-action'), { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function usePostMessage(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: string) =>
      apiRequest<MessageList>(path(id, '/messages'), { method: 'POST', body: { body } }),
    onSuccess: refresh,
  });
}

export function useUploadAttachment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiRequest<Attachment>(path(id, '/attachments'), { method: 'POST', body: form });
    },
    onSuccess: refresh,
  });
}

export const attachmentUrl = (id: string, fileId: string) =>
  path(id, `/attachments/${encodeURIComponent(fileId)}`);
