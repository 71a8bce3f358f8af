import i18next from 'i18next';
import { ApiError, currentCsrfToken } from './api-client.ts';

/** How far a transfer is: a share from 0 to 1, or null while the size is unknown. */
export type Progress = number | null;

function errorOf(xhr: XMLHttpRequest, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code: string; message: string; details?: [] } };
    if (body.error)
      return new ApiError(xhr.status, body.error.code, body.error.message, body.error.details ?? []);
  } catch {
    // not the error format
  }
  return new ApiError(xhr.status, 'UNEXPECTED_RESPONSE', xhr.statusText || `HTTP ${xhr.status}`);
}

function fileNameOf(xhr: XMLHttpRequest, fallback: string): string {
  const disposition = xhr.getResponseHeader('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a file from the API, telling how far it is, and hands it to the browser to save. The
 * server sends its length, so the progress is a share of the whole.
 */
export function downloadFile(
  url: string,
  { onProgress, fallbackName }: { onProgress?: (progress: Progress) => void; fallbackName: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'blob';
    xhr.setRequestHeader('accept-language', i18next.resolvedLanguage ?? i18next.language ?? 'en');
    xhr.onprogress = (event) => onProgress?.(event.lengthComputable ? event.loaded / event.total : null);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The download was interrupted'));
    xhr.onload = async () => {
      const blob = xhr.response as Blob;
      if (xhr.status !== 200) return reject(errorOf(xhr, await blob.text()));
      onProgress?.(1);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileNameOf(xhr, fallbackName);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      resolve();
    };
    xhr.send();
  });
}

/** Sends a file as the field `file` of a multipart form, telling how far the upload is; answers the JSON. */
export function uploadFile<T>(
  url: string,
  file: File,
  { onProgress }: { onProgress?: (progress: Progress) => void } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18next.resolvedLanguage ?? i18next.language ?? 'en');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) =>
      onProgress?.(event.lengthComputable ? event.loaded / event.total : null);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The upload was interrupted'));
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(errorOf(xhr, xhr.responseText));
      onProgress?.(1);
      resolve(JSON.parse(xhr.responseText) as T);
    };
    xhr.send(form);
  });
}
