import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoAccounts, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': contentType } });

describe('the error format', () => {
  it('answers malformed JSON with a 400 that says so', async () => {
    const response = await login('{"email": "a@b.c", ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_JSON');
  });

  it('refuses unknown fields, naming them', async () => {
    const response = await login(JSON.stringify({ email: 'a@b.test', password: 'x', role: 'admin' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.json().error.details)).toContain('role');
  });

  it('refuses wrong types field by field', async () => {
    const response = await login(JSON.stringify({ email: 42, password: ['x'] }));
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses an oversized body with 413', async () => {
    const response = await login(
      JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a content type the endpoint does not take with 415', async () => {
    const response = await login('email=a', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json().error).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /api/nothing-here',
    });
  });
});

describe('every response', () => {
  it('carries security headers with a content security policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['referrer-policy']).toBeDefined();
  });
});

describe('health and API description', () => {
  it('reports the database engine in use', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('publishes OpenAPI 3.1 describing every API route, and a docs page', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/auth/login',
      '/api/actions',
      '/api/actions/{id}',
      '/api/public/stats',
      '/api/public/actions/{id}',
      '/api/actions/{id}/activities',
      '/api/activities/{id}',
      '/api/activities/{id}/confirm',
      '/api/activities/{id}/expert-matches',
      '/api/activities/{id}/experts',
      '/api/experts',
      '/api/actions/{id}/deliverables',
      '/api/deliverables/{id}/versions',
      '/api/deliverables/{id}/submit-for-review',
      '/api/actions/{id}/complete',
      '/api/actions/{id}/timeline',
    ]) {
      expect(spec.paths, path).toHaveProperty([path]);
    }
    expect(spec.paths['/api/actions'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'topic', 'region', 'country', 'q', 'page', 'pageSize']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('compressed answers', () => {
  // The staff's list of Actions: a JSON answer of several kilobytes, made at each request.
  const get = async (acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/actions?pageSize=50',
      headers: {
        ...(await t.signIn(demoAccounts.officer)),
        ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
      },
    });

  it('compresses a JSON answer in the encoding the client prefers, to the same JSON', async () => {
    const plain = await get('identity');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);

    const brotli = await get('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);

    const gzip = await get('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(Number(gzip.headers['content-length'])).toBe(gzip.rawPayload.length);
    expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
  });

  it('leaves small answers and refused encodings as they are', async () => {
    const small = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toBeTruthy();
    const refused = await get('gzip;q=0, br;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json().items.length).toBeGreaterThan(0);
  });
});
