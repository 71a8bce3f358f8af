import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, setCsrfToken } from './api-client.ts';

function answer(status: number, body: unknown) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the API client', () => {
  it("turns the API's error format into an ApiError with code, message and field details", async () => {
    const body = {
      error: {
        code: 'VALIDATION',
        message: 'Invalid input',
        details: [{ field: 'email', message: 'must be an e-mail address' }],
      },
    };
    vi.stubGlobal('fetch', answer(400, body));
    const error = await apiRequest('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', message: 'Invalid input' });
    expect((error as ApiError).details).toEqual(body.error.details);
  });

  it('keeps the record a 412 carries, to merge a change into', async () => {
    const current = { version: 4, record: { title: 'As saved by someone else', version: 4 } };
    const body = { error: { code: 'VERSION_MISMATCH', message: 'Changed since you read it', current } };
    vi.stubGlobal('fetch', answer(412, body));
    const error = await apiRequest('/api/deliverables/1', { method: 'PATCH', body: {}, ifMatch: 3 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 412, code: 'VERSION_MISMATCH', current });
  });

  it('reports an answer in another format, and an unreachable server, as errors too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('sends the CSRF token on state-changing requests only, and leaves out empty filters', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-1');
    await apiRequest('/api/actions', { query: { topic: 'thb', q: '', region: undefined, page: 2 } });
    await apiRequest('/api/auth/logout', { method: 'POST' });
    const [listUrl, listInit] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, logoutInit] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(listUrl).toBe('/api/actions?topic=thb&page=2');
    expect(listInit.headers).not.toHaveProperty('x-csrf-token');
    expect(listInit.headers).toHaveProperty('accept-language');
    expect(logoutInit.headers).toHaveProperty('x-csrf-token', 'token-1');
    expect(logoutInit.headers).not.toHaveProperty('content-type'); // no body, no JSON claim
  });

  it('sends the version a change is based on as If-Match, and a form as multipart', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    await apiRequest('/api/activities/1', { method: 'PATCH', body: { city: 'Accra' }, ifMatch: 3 });
    const form = new FormData();
    form.set('changeNote', 'First draft');
    await apiRequest('/api/deliverables/1/versions', { method: 'POST', body: form });
    const [, patchInit] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, uploadInit] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(patchInit.headers).toHaveProperty('if-match', '"3"');
    expect(patchInit.body).toBe('{"city":"Accra"}');
    expect(uploadInit.body).toBe(form);
    expect(uploadInit.headers).not.toHaveProperty('content-type'); // the browser adds the boundary
  });
});
