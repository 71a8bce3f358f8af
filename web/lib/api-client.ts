import i18next from 'i18next';
import type { ErrorBody } from '../../server/kernel/http/common.contract.ts';

export type FieldProblem = { field: string; message: string };

/** An answer of the API in its one error format, or a request that never got an answer (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
    /** With a 412: the record as it is now and its version (what a merge starts from). */
    readonly current?: { version: number; record: unknown },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function toApiError(status: number, payload: unknown, statusText: string): ApiError {
  if (isErrorBody(payload)) {
    const { code, message, details, current } = payload.error;
    return new ApiError(status, code, message, details ?? [], current);
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', statusText || `HTTP ${status}`);
}

// The session cookie is HttpOnly; the CSRF token comes in the body of login and me, and every
// state-changing request must echo it in a header.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** The headers a state-changing request sends by other means than apiRequest (an upload with progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}
/** Turns an error answer (status and parsed body) into an ApiError. */
export function apiErrorOf(status: number, payload: unknown, statusText = ''): ApiError {
  return toApiError(status, payload, statusText);
}

/** The CSRF token, for requests that do not go through apiRequest (uploads with progress). */
export const currentCsrfToken = () => csrfToken;

export type QueryParams = Record<string, string | number | null | undefined>;

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** JSON, or a FormData for a file upload (sent as multipart). */
  body?: unknown;
  /** The version the change is based on (the record's `version`), sent as If-Match. */
  ifMatch?: number;
  signal?: AbortSignal;
};

function buildUrl(path: string, query: QueryParams = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18next.resolvedLanguage ?? i18next.language ?? 'en',
  };
  // A form (a file upload) goes as it is: the browser sets multipart/form-data and its boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = text;
    }
  }
  if (!response.ok) throw toApiError(response.status, payload, response.statusText);
  return payload as T;
}
