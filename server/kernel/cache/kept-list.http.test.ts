import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, demoAccounts, type SignedInHeaders, type TestApp } from '../../test/harness.ts';

/*
 * The staff lists keep each page until a table it reads changes (decision 111). A change made
 * without the version moving is not seen (so the page is kept); the same change with the triggers
 * in force is seen at the next read, for every table a page shows; callers of other scopes never
 * share a page; and a page whose figures move with time alone is read again when they do.
 */

let t: TestApp;
let officer: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn(demoAccounts.officer);
  ghana = await t.signIn(demoAccounts.ghana);
  jordan = await t.signIn(demoAccounts.jordan);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

async function read(headers: SignedInHeaders, url: string, etag?: string) {
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: etag ? { ...headers, 'if-none-match': etag } : headers,
  });
  expect([200, 304]).toContain(response.statusCode);
  return response;
}

/** Runs a change without firing triggers: the data moves, the version does not. */
async function behindTheVersion(statement: SQL) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/**
 * Each list and a change to a table its page shows other than its own rows: the page keeps its
 * answer while the version stands, and shows the change once the version moves.
 */
const cases: {
  list: string;
  url: string;
  change: () => SQL;
  seen: (body: { items: Record<string, unknown>[] }) => unknown;
}[] = [
  {
    list: 'Actions: an institution renamed',
    url: '/api/actions?pageSize=100',
    change: () => sql`update institutions set name = name || ' (renamed)'`,
    seen: (body) => body.items.map((a) => (a.requestingInstitution as { name: string } | null)?.name),
  },
  {
    list: 'activities: their Action renamed',
    url: '/api/activities?pageSize=100',
    change: () => sql`update actions set name = name || ' (renamed)'`,
    seen: (body) => body.items.map((a) => a.actionName),
  },
  {
    list: 'experts: their topics removed',
    url: '/api/experts?pageSize=100',
    change: () => sql`delete from expert_topics`,
    seen: (body) => body.items.map((e) => e.topics),
  },
  {
    list: 'requests: the link to the Action each became removed',
    url: '/api/requests?pageSize=100',
    change: () => sql`delete from action_requests`,
    seen: (body) => body.items.map((r) => r.action),
  },
];

describe('a kept list page', () => {
  it.each(cases)('$list', async ({ url, change, seen }) => {
    const first = await read(officer, url);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const before = seen(first.json());

    // The browser's copy is still current.
    expect((await read(officer, url, etag)).statusCode).toBe(304);

    // Changed behind the version's back: the kept page is what is served.
    await behindTheVersion(change());
    const kept = await read(officer, url);
    expect(kept.headers.etag).toBe(etag);
    expect(seen(kept.json())).toEqual(before);

    // The same change through the triggers moves the version (even where it finds no row left to
    // change), and the page is read again.
    await t.rows(change());
    const fresh = await read(officer, url, etag);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(seen(fresh.json())).not.toEqual(before);
  });

  it('is never shared between callers of different scopes', async () => {
    const ghanaPage = (await read(ghana, '/api/actions?pageSize=100')).json();
    const jordanPage = (await read(jordan, '/api/actions?pageSize=100')).json();
    const officerPage = (await read(officer, '/api/actions?pageSize=100')).json();
    const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);
    expect(ghanaPage.total).toBeGreaterThan(0);
    expect(jordanPage.total).toBeGreaterThan(0);
    expect(ids(ghanaPage).some((id: string) => ids(jordanPage).includes(id))).toBe(false);
    expect(officerPage.total).toBeGreaterThan(ghanaPage.total + jordanPage.total - 1);

    const ghanaRequests = (await read(ghana, '/api/requests?pageSize=100')).json();
    const jordanRequests = (await read(jordan, '/api/requests?pageSize=100')).json();
    expect(ghanaRequests.items.length).toBeGreaterThan(0);
    expect(
      ghanaRequests.items.some((r: { id: string }) =>
        jordanRequests.items.some((s: { id: string }) => s.id === r.id),
      ),
    ).toBe(false);
  });

  it('differs by language where the page shows localised text', async () => {
    const english = await t.app.inject({ method: 'GET', url: '/api/actions', headers: officer });
    const french = await t.app.inject({
      method: 'GET',
      url: '/api/actions',
      headers: { ...officer, 'accept-language': 'fr' },
    });
    expect(english.headers.etag).not.toBe(french.headers.etag);
  });

  it('of requests is read again when a day in its state has passed, with a new validator', async () => {
    const url = '/api/requests?pageSize=100';
    const first = await read(officer, url);
    const etag = first.headers.etag as string;
    type Listed = { id: string; statusChangedAt: string; daysInState: number };
    const items = first.json().items as Listed[];
    expect(items.length).toBeGreaterThan(0);
    // The first moment any listed request's whole days in its state go up by one.
    const nextDayOf = (r: Listed) => Date.parse(r.statusChangedAt) + (r.daysInState + 1) * 86_400_000;
    const nextDay = Math.min(...items.map(nextDayOf));
    const item = items.find((r) => nextDayOf(r) === nextDay) as Listed;

    // Just before that moment the page is kept; just after, read again, with one day more. (The
    // officer signs in again at the new time: the first session has gone idle by then.)
    vi.useFakeTimers({ toFake: ['Date'], now: nextDay - 1000 });
    const later = await t.signIn(demoAccounts.officer);
    const before = await read(later, url, etag);
    expect(before.statusCode).toBe(304);

    vi.setSystemTime(nextDay + 1000);
    const after = await read(later, url, etag);
    expect(after.statusCode).toBe(200);
    const again = (after.json().items as { id: string; daysInState: number }[]).find((r) => r.id === item.id);
    expect(again?.daysInState).toBe(item.daysInState + 1);
  });
});
