import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const list = (headers: Record<string, string>, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers });

describe('GET /api/admin/audit', () => {
  it('is for admins only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(401);
    for (const email of [
      'officer@demo.tandem.test',
      'steering@demo.tandem.test',
      'partner.ghana@demo.tandem.test',
    ])
      expect((await list(await t.signIn(email))).statusCode).toBe(403);
  });

  it('filters by actor, entity and time, newest first, with the actor named', async () => {
    const officer = await t.signIn('officer@demo.tandem.test');
    const admin = await t.signIn('admin@demo.tandem.test');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: officer })).json().user;
    const response = await list(admin, `?actor=${me.id}&entityType=user&entityId=${me.id}`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items[0]).toMatchObject({
      event: 'auth.login',
      actor: { id: me.id, email: 'officer@demo.tandem.test' },
    });
    expect(items.every((i: { actor: { id: string } }) => i.actor.id === me.id)).toBe(true);
    const future = await list(admin, '?from=2999-01-01');
    expect(future.json().items).toEqual([]);
    const past = await list(admin, '?to=2000-01-01T00:00:00Z');
    expect(past.json().items).toEqual([]);
  });

  it('pages with a cursor, without overlap, while events are appended', async () => {
    const admin = await t.signIn('admin@demo.tandem.test');
    const first = (await list(admin, '?limit=3')).json();
    expect(first.items).toHaveLength(3);
    await t.signIn('expert@demo.tandem.test'); // a new event arrives between pages
    const second = (await list(admin, `?limit=3&cursor=${first.nextCursor}`)).json();
    const ids = [...first.items, ...second.items].map((i: { id: number }) => i.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('validates the filters field by field', async () => {
    const admin = await t.signIn('admin@demo.tandem.test');
    const response = await list(admin, '?actor=nobody&from=yesterday&limit=1000');
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['actor', 'from', 'limit']));
  });
});
