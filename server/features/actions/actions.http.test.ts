import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import type { ActionListItem } from './actions.contract.ts';

let t: TestApp;
let officer: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let expert: SignedInHeaders;
let steering: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  [officer, ghana, jordan, expert, steering] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
    t.signIn('partner.jordan@demo.tandem.test'),
    t.signIn('expert@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
  ]);
});
afterAll(() => t.close());

async function list(headers: SignedInHeaders | undefined, query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/actions${query}`,
    headers: headers ? { cookie: headers.cookie } : {},
  });
  return response;
}

const names = (items: ActionListItem[]) => items.map((a) => a.name);

describe('GET /api/actions', () => {
  it('needs a signed-in caller', async () => {
    const response = await list(undefined);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('gives officers and steering members the whole portfolio, paginated with a total', async () => {
    const page1 = (await list(officer, '?pageSize=10')).json();
    expect(page1.items).toHaveLength(10);
    expect(page1.total).toBeGreaterThan(35);
    const page2 = (await list(officer, '?pageSize=10&page=2')).json();
    expect(names(page2.items)).not.toContain(page1.items[0].name);
    expect((await list(steering, '?pageSize=1')).json().total).toBe(page1.total);
  });

  it('gives every page, the first ones (prepared statements) and deeper ones, as slices of the whole', async () => {
    const whole = names((await list(officer, '?pageSize=200')).json().items);
    for (const page of [1, 2, 5, 6, 9]) {
      // Twice each: the second read of a first page runs its prepared statement again.
      for (const _ of [1, 2]) {
        const items = (await list(officer, `?pageSize=4&page=${page}`)).json().items;
        expect(names(items), `page ${page}`).toEqual(whole.slice((page - 1) * 4, page * 4));
      }
    }
  });

  it('filters by topic, region, country, status and text', async () => {
    const thb = (await list(officer, '?topic=thb&status=implementation&pageSize=100')).json();
    expect(thb.items.length).toBeGreaterThan(0);
    for (const action of thb.items) {
      expect(action.topics).toContain('thb');
      expect(action.status).toBe('implementation');
    }
    const africa = (await list(officer, '?region=africa&pageSize=100')).json();
    expect(africa.items.every((a: ActionListItem) => a.regions.includes('africa'))).toBe(true);
    expect(names(africa.items)).toContain('Ghana III');
    const peru = (await list(officer, '?country=PE&pageSize=100')).json();
    expect(names(peru.items)).toEqual(expect.arrayContaining(['Peru I', 'Peru II', 'Peru III']));
    const search = (await list(officer, '?q=timor')).json();
    expect(names(search.items)).toContain('Timor-Leste I');
  });

  it('treats search text as text, not as a pattern', async () => {
    const response = await list(officer, `?q=${encodeURIComponent("%' or 1=1 --")}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(0);
  });

  it('shows a partner only its own institution’s Actions', async () => {
    const own = (await list(ghana, '?pageSize=100')).json();
    expect(own.total).toBeGreaterThan(0);
    for (const action of own.items) expect(action.countries).toContain('GH');
    expect(names(own.items)).toContain('Ghana III');
    expect(names(own.items)).not.toContain('Jordan I');
    const other = (await list(jordan, '?pageSize=100')).json();
    expect(names(other.items)).not.toContain('Ghana III');
  });

  it('shows an expert only the Actions they are deployed on', async () => {
    const deployed = (await list(expert, '?pageSize=100')).json();
    expect(names(deployed.items).sort()).toEqual(['Ghana III', 'Timor-Leste I']);
  });

  it('refuses unknown filters and malformed values, naming the field', async () => {
    const unknown = await list(officer, '?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    const badCountry = await list(officer, '?country=Peru');
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().error.details[0].field).toBe('country');
    const badPage = await list(officer, '?page=0');
    expect(badPage.json().error.details[0].field).toBe('page');
    const badStatus = await list(officer, '?status=finished');
    expect(badStatus.json().error.details[0].field).toBe('status');
  });
});

describe('GET /api/actions/:id', () => {
  async function idOf(name: string) {
    const found = (await list(officer, `?q=${encodeURIComponent(name)}&pageSize=100`)).json();
    const action = found.items.find((a: ActionListItem) => a.name === name);
    if (!action) throw new Error(`no Action named ${name}`);
    return action.id as string;
  }

  it('answers the Action with its institutions, topics, 4Ps and partners', async () => {
    const id = await idOf('IberRed');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/actions/${id}`,
      headers: { cookie: officer.cookie },
    });
    expect(response.statusCode).toBe(200);
    const action = response.json();
    expect(action.partners.map((p: { acronym: string }) => p.acronym)).toEqual(
      expect.arrayContaining(['AECID']),
    );
    expect(
      action.institutions.some(
        (i: { acronym: string; role: string }) => i.acronym === 'AIAMP' && i.role === 'requesting',
      ),
    ).toBe(true);
    expect(action.countries).toEqual(expect.arrayContaining(['ES', 'PT', 'PE']));
    expect(action.topicNames.find((t: { code: string }) => t.code === 'thb')).toBeTruthy();
    expect(typeof action.version).toBe('number');
  });

  it('answers titles in the reader’s language', async () => {
    const id = await idOf('Peru III');
    const headers = { cookie: officer.cookie };
    const en = (await t.app.inject({ method: 'GET', url: `/api/actions/${id}`, headers })).json();
    const es = (
      await t.app.inject({
        method: 'GET',
        url: `/api/actions/${id}`,
        headers: { ...headers, 'accept-language': 'es-PE,es;q=0.9' },
      })
    ).json();
    expect(es.title).not.toBe(en.title);
    expect(es.topicNames[0].name).not.toBe(en.topicNames[0].name);
  });

  it('answers 404 to a partner asking for another institution’s Action', async () => {
    const jordanId = await idOf('Jordan I');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/actions/${jordanId}`,
      headers: { cookie: ghana.cookie },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/actions/${jordanId}`,
      headers: { cookie: jordan.cookie },
    });
    expect(own.statusCode).toBe(200);
  });

  it('answers 400 for an id that is not a UUID and 404 for an unknown one', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/actions/peru-iii',
      headers: { cookie: officer.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('id');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/actions/00000000-0000-4000-8000-000000000000',
      headers: { cookie: officer.cookie },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
