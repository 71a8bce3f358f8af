import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ActionDetail } from '../../../../server/features/actions/actions.contract.ts';
import type {
  AttendanceInput,
  DuplicateCandidate,
  ImportMode,
  ImportReport,
  ParticipantRegister,
  ParticipationItem,
  RegistrationInput,
} from '../../../../server/features/participants/participants.contract.ts';
import { ApiError, apiErrorOf, apiRequest, csrfHeaders } from '../../../lib/api-client.ts';

const registerKey = (activityId: string) => ['participants', 'register', activityId];

export function useRegister(activityId: string) {
  return useQuery({
    queryKey: registerKey(activityId),
    queryFn: ({ signal }) =>
      apiRequest<ParticipantRegister>(`/api/activities/${encodeURIComponent(activityId)}/participants`, {
        signal,
      }),
  });
}

/** The institutions of the activity's Action: the usual choices for a participant's institution. */
export function useActionInstitutions(actionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['participants', 'institutions', actionId],
    enabled,
    queryFn: async ({ signal }) =>
      (await apiRequest<ActionDetail>(`/api/actions/${encodeURIComponent(actionId)}`, { signal }))
        .institutions,
  });
}

function useRefresh(activityId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: registerKey(activityId) });
}

export function useDuplicateCheck(activityId: string) {
  return useMutation({
    mutationFn: (input: {
      fullName: string;
      institutionId?: string | null;
      institutionName?: string | null;
    }) =>
      apiRequest<{ candidates: DuplicateCandidate[] }>(
        `/api/activities/${encodeURIComponent(activityId)}/participants/duplicates`,
        { method: 'POST', body: input },
      ),
  });
}

export function useRegisterParticipant(activityId: string) {
  const refresh = useRefresh(activityId);
  return useMutation({
    mutationFn: (input: Partial<RegistrationInput>) =>
      apiRequest<ParticipationItem>(`/api/activities/${encodeURIComponent(activityId)}/participants`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useRecordAttendance(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceInput) =>
      apiRequest<ParticipantRegister>(`/api/activities/${encodeURIComponent(activityId)}/attendance`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: (register) => queryClient.setQueryData(registerKey(activityId), register),
  });
}

export function useRemoveParticipation(activityId: string) {
  const refresh = useRefresh(activityId);
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<null>(`/api/participations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

/**
 * Sends an import file with XMLHttpRequest, whose upload reports its progress (fetch does not), and
 * answers the report. `onProgress` gets the share sent, from 0 to 1.
 */
export function uploadImport(
  activityId: string,
  file: File,
  mode: ImportMode,
  onProgress: (share: number) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/activities/${encodeURIComponent(activityId)}/participants/import?mode=${mode}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18next.resolvedLanguage ?? i18next.language ?? 'en');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as ImportReport);
      else reject(apiErrorOf(xhr.status, payload, xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The upload failed'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export function useImport(activityId: string) {
  const refresh = useRefresh(activityId);
  return useMutation({
    mutationFn: (args: { file: File; mode: ImportMode; onProgress: (share: number) => void }) =>
      uploadImport(activityId, args.file, args.mode, args.onProgress),
    onSuccess: (report) => (report.written ? refresh() : undefined),
  });
}

export const templateUrl = (lang: string, format: 'xlsx' | 'csv') =>
  `/api/participants/import-template?lang=${encodeURIComponent(lang)}&format=${format}`;
export const certificateUrl = (participationId: string) =>
  `/api/participations/${encodeURIComponent(participationId)}/certificate.pdf`;
export const certificatesUrl = (activityId: string) =>
  `/api/activities/${encodeURIComponent(activityId)}/certificates.pdf`;
