import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { actions } from '../actions/actions.table.ts';
import type { PublicActionItem } from './public.contract.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** Every Action straight from the database, to hold the API's figures against. */
async function allActions() {
  const officer = await t.signIn('officer@demo.tandem.test');
  return (await get('/api/actions?pageSize=200', { cookie: officer.cookie })).json().items as {
    id: string;
    status: string;
    topics: string[];
    countries: string[];
    regions: string[];
  }[];
}

describe('GET /api/public/stats', () => {
  it('computes the ongoing Actions, their countries and the share per topic from the data', async () => {
    const stats = (await get('/api/public/stats')).json();
    const ongoing = (await allActions()).filter((a) => ['implementation', 'closing'].includes(a.status));
    expect(stats.ongoingActions).toBe(ongoing.length);
    expect(stats.countries).toBe(new Set(ongoing.flatMap((a) => a.countries)).size);
    const thb = stats.topics.find((topic: { code: string }) => topic.code === 'thb');
    expect(thb.count).toBe(ongoing.filter((a) => a.topics.includes('thb')).length);
    expect(thb.share).toBeCloseTo(thb.count / ongoing.length, 10);
    // The demo facility's fact: about a fifth of the ongoing Actions address trafficking.
    expect(thb.share).toBeGreaterThanOrEqual(0.17);
    expect(thb.share).toBeLessThanOrEqual(0.23);
    expect(thb.name).toBe('Trafficking in human beings');
  });

  it('counts Actions and countries per region, for all five partner regions', async () => {
    const stats = (await get('/api/public/stats')).json();
    const ongoing = (await allActions()).filter((a) => ['implementation', 'closing'].includes(a.status));
    for (const code of ['africa', 'asia', 'lac', 'south', 'east']) {
      const region = stats.regions.find((r: { code: string }) => r.code === code);
      expect(region.ongoingActions, code).toBe(ongoing.filter((a) => a.regions.includes(code)).length);
      expect(region.ongoingActions, code).toBeGreaterThan(0);
    }
  });

  it('names topics in the reader’s language', async () => {
    const stats = (await get('/api/public/stats', { 'accept-language': 'fr' })).json();
    expect(stats.topics.find((topic: { code: string }) => topic.code === 'thb').name).toMatch(/traite/i);
  });
});

describe('GET /api/public/actions', () => {
  it('never lists an Action in design, nor a cancelled or suspended one', async () => {
    const all = await allActions();
    const hidden = all.filter((a) => ['design', 'cancelled', 'suspended'].includes(a.status));
    expect(hidden.length).toBeGreaterThan(0);
    const listed = (await get('/api/public/actions?pageSize=200')).json();
    const ids = listed.items.map((a: PublicActionItem) => a.id);
    for (const action of hidden) expect(ids).not.toContain(action.id);
    for (const action of hidden) expect((await get(`/api/public/actions/${action.id}`)).statusCode).toBe(404);
  });

  it('filters ongoing Actions by topic and region', async () => {
    const thb = (await get('/api/public/actions?status=ongoing&topic=thb&pageSize=200')).json();
    expect(thb.items.map((a: PublicActionItem) => a.name)).toEqual(
      expect.arrayContaining(['Thailand I', 'Timor-Leste I', 'Peru III', 'IberRed', 'Ghana III']),
    );
    for (const action of thb.items) expect(['implementation', 'closing']).toContain(action.status);
    const asia = (await get('/api/public/actions?status=ongoing&topic=thb&region=asia')).json();
    expect(asia.items.map((a: PublicActionItem) => a.name).sort()).toEqual(['Thailand I', 'Timor-Leste I']);
    const completed = (await get('/api/public/actions?status=completed&country=PE')).json();
    expect(completed.items.map((a: PublicActionItem) => a.name).sort()).toEqual(['Peru I', 'Peru II']);
  });

  it('answers public fields only', async () => {
    const listed = (await get('/api/public/actions?pageSize=1')).json();
    const detail = (await get(`/api/public/actions/${listed.items[0].id}`)).json();
    for (const body of [listed.items[0], detail]) {
      expect(body).not.toHaveProperty('version');
      expect(body).not.toHaveProperty('updatedAt');
    }
    for (const partner of detail.partners) expect(Object.keys(partner).sort()).toEqual(['acronym', 'name']);
    expect(detail.summary.length).toBeGreaterThan(20);
  });
});

describe('caching of public reads', () => {
  it('answers 304 to a client that holds the current version', async () => {
    const first = await get('/api/public/stats');
    expect(first.headers.etag).toMatch(/^"portfolio-\d+-\w+"$/);
    const again = await get('/api/public/stats', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const french = await get('/api/public/stats', { 'accept-language': 'fr' });
    expect(french.headers.etag).not.toBe(first.headers.etag);
  });

  it('serves fresh figures as soon as the portfolio changes', async () => {
    const before = (await get('/api/public/stats')).json();
    const etag = String((await get('/api/public/stats')).headers.etag);
    const [ongoing] = (await get('/api/public/actions?status=ongoing&pageSize=1')).json().items;
    expect((await get(`/api/public/actions/${ongoing.id}`)).json().status).not.toBe('completed');
    await t.database.db.update(actions).set({ status: 'completed' }).where(eq(actions.id, ongoing.id));

    const after = await get('/api/public/stats', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.json().ongoingActions).toBe(before.ongoingActions - 1);
    const detail = (await get(`/api/public/actions/${ongoing.id}`)).json();
    expect(detail.status).toBe('completed');
  });
});

describe('compression', () => {
  it('sends the cached list compressed as the client prefers, and plain to one that refuses', async () => {
    const url = '/api/public/actions?pageSize=50';
    const plain = await get(url);
    const brotli = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString('utf8'))).toEqual(plain.json());
    const gzipped = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    const refused = await get(url, { 'accept-encoding': 'gzip;q=0, br;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json()).toEqual(plain.json());
  });
});

describe('topic, region and country figures', () => {
  it('composes a topic from the data: share, pillars and one highlight per ongoing Action', async () => {
    const topic = (await get('/api/public/topics/thb')).json();
    const thb = (await get('/api/public/actions?status=ongoing&topic=thb&pageSize=200')).json();
    expect(topic.ongoingActions).toBe(thb.total);
    expect(topic.share).toBeCloseTo(thb.total / topic.allOngoingActions, 10);
    expect(topic.highlights.map((h: { name: string }) => h.name).sort()).toEqual(
      thb.items.map((a: PublicActionItem) => a.name).sort(),
    );
    const ghana = topic.highlights.find((h: { name: string }) => h.name === 'Ghana III');
    expect(ghana.requestingInstitution.name).toBe('Ghana Immigration Service');
    expect(ghana.pillars.map((p: { code: string }) => p.code)).toEqual(['protection', 'prosecution']);
    const protection = topic.pillars.find((p: { code: string }) => p.code === 'protection');
    expect(protection.ongoingActions).toBe(
      topic.highlights.filter((h: { pillars: { code: string }[] }) =>
        h.pillars.some((p) => p.code === 'protection'),
      ).length,
    );
    expect((await get('/api/public/topics/nothing')).statusCode).toBe(404);
    expect((await get('/api/public/topics/Not%20a%20code')).statusCode).toBe(400);
  });

  it('counts a region’s ongoing Actions and the countries of the region they cover', async () => {
    const region = (await get('/api/public/regions/lac')).json();
    const stats = (await get('/api/public/stats')).json();
    const fromStats = stats.regions.find((r: { code: string }) => r.code === 'lac');
    expect(region.ongoingActions).toBe(fromStats.ongoingActions);
    expect(region.countries).toBe(fromStats.countries);
    expect(region.countryFigures.find((c: { code: string }) => c.code === 'PE').ongoingActions).toBe(2);
    expect(region.countryFigures.map((c: { code: string }) => c.code)).not.toContain('ES');
    expect((await get('/api/public/regions/atlantis')).statusCode).toBe(404);
  });

  it('counts ongoing Actions per country, a regional Action once for each member', async () => {
    const figures = (await get('/api/public/countries')).json();
    const byCode = Object.fromEntries(
      figures.countries.map((c: { code: string; ongoingActions: number }) => [c.code, c.ongoingActions]),
    );
    expect(byCode.PE).toBe(2); // Peru III and IberRed
    expect(byCode.AD).toBe(1); // IberRed
    expect(byCode.GH).toBe(1);
    expect(figures.countries.find((c: { code: string }) => c.code === 'PE').regionCode).toBe('lac');
  });
});

describe('what the Action workspace publishes', () => {
  // The figures are held against the database in the deliverables feature's public tests; here the
  // portal's own rules: the workspace is plugged in, and the list of resources is bounded.
  it('fills the counters and the latest resources from the workspace, never with zeros by default', async () => {
    const stats = (await get('/api/public/stats')).json();
    expect(stats.activitiesHeld).toBeGreaterThan(0);
    expect(stats.expertsDeployed).toBeGreaterThan(0);
    const { items } = (await get('/api/public/resources')).json();
    expect(items.length).toBeGreaterThan(0);
    expect((await get('/api/public/resources?limit=0')).statusCode).toBe(400);
  });
});
