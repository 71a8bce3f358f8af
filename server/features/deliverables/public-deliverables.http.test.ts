import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

// What the Action workspace publishes through the portal, against the demo data: the Timor-Leste
// handbook is published for general consultation, the Jordan SOPs are in partner review and the
// Ghana training module is a draft.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const PUBLIC = sql`a.status in ('implementation', 'closing', 'completed')`;

/** Held activities and distinct deployed experts of public Actions, straight from the tables. */
async function countsFromDatabase(region?: string) {
  const inRegion = region
    ? sql`and exists (select 1 from action_countries ac join countries c on c.code = ac.country_code
                       where ac.action_id = a.id and c.region_code = ${region})`
    : sql``;
  const [row] = await rows<{ held: number; experts: number }>(sql`
    select
      (select count(*)::int from activities v join actions a on a.id = v.action_id
        where ${PUBLIC} and v.status in ('held', 'reported') ${inRegion}) as held,
      (select count(distinct d.expert_id)::int from deployments d
         join activities v on v.id = d.activity_id join actions a on a.id = v.action_id
        where ${PUBLIC} and v.status <> 'cancelled' ${inRegion}) as experts`);
  return { activitiesHeld: Number(row?.held), expertsDeployed: Number(row?.experts) };
}

async function actionId(code: string): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`select id from actions where code = ${code}`);
  if (!row) throw new Error(`No demo Action ${code}`);
  return row.id;
}

async function deliverableId(code: string, type: string): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`
    select d.id from deliverables d join actions a on a.id = d.action_id
     where a.code = ${code} and d.type = ${type}`);
  if (!row) throw new Error(`No demo ${type} of ${code}`);
  return row.id;
}

async function expertNames(): Promise<string[]> {
  return (await rows<{ name: string }>(sql`select full_name as name from experts`)).map((r) => r.name);
}

describe('the public figures of the workspace', () => {
  it('counts the activities held and the experts deployed on public Actions', async () => {
    const stats = (await get('/api/public/stats')).json();
    const expected = await countsFromDatabase();
    expect(expected.activitiesHeld).toBeGreaterThan(0);
    expect(expected.expertsDeployed).toBeGreaterThan(0);
    expect({ activitiesHeld: stats.activitiesHeld, expertsDeployed: stats.expertsDeployed }).toEqual(
      expected,
    );
  });

  it('restricts the figures to a region', async () => {
    for (const code of ['asia', 'africa', 'south']) {
      const region = (await get(`/api/public/regions/${code}`)).json();
      expect(
        { activitiesHeld: region.activitiesHeld, expertsDeployed: region.expertsDeployed },
        code,
      ).toEqual(await countsFromDatabase(code));
    }
    const asia = (await get('/api/public/regions/asia')).json();
    expect(asia.activitiesHeld).toBeGreaterThan(0);
  });
});

describe('an expert whose only activity was cancelled', () => {
  it('is not counted as deployed, nor their country shown, until they take part in one that is not', async () => {
    const id = await actionId('timor-leste-i');
    // A new expert from a country no other expert comes from, on a cancelled activity of the Action.
    const [country] = await rows<{ code: string }>(sql`
      select code from countries where code not in (select country_code from experts) order by code limit 1`);
    const code = country?.code ?? '';
    const [expert] = await rows<{ id: string }>(sql`
      insert into experts (full_name, gender, administration, country_code, public_sector_status)
      select 'Cancelled Mission Expert', gender, administration, ${code}, public_sector_status from experts limit 1
      returning id`);
    const [cancelled] = await rows<{ id: string }>(sql`
      insert into activities (action_id, type, title, modality, status, start_date, end_date)
      select action_id, type, title, modality, 'cancelled', start_date, end_date from activities
       where action_id = ${id} limit 1
      returning id`);
    const before = (await get('/api/public/stats')).json().expertsDeployed;
    await t.database.db.execute(sql`
      insert into deployments (expert_id, activity_id, role, days) values (${expert?.id}, ${cancelled?.id}, 'expert', 3)`);
    expect((await get('/api/public/stats')).json().expertsDeployed).toBe(before);
    expect((await get(`/api/public/actions/${id}`)).json().expertCountries).not.toContain(code);
    // The same expert on an activity that went ahead: deployed, and their country shown.
    const [held] = await rows<{ id: string }>(sql`
      select id from activities where action_id = ${id} and status in ('held', 'reported') limit 1`);
    await t.database.db.execute(sql`
      insert into deployments (expert_id, activity_id, role, days) values (${expert?.id}, ${held?.id}, 'expert', 3)`);
    expect((await get('/api/public/stats')).json().expertsDeployed).toBe(before + 1);
    expect((await get(`/api/public/actions/${id}`)).json().expertCountries).toContain(code);
  });
});

describe('a public Action’s work', () => {
  it('lists the Timor-Leste activities held by type, its experts’ country codes and the handbook', async () => {
    const id = await actionId('timor-leste-i');
    const response = await get(`/api/public/actions/${id}`, { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    const held = await rows<{ type: string; count: number }>(sql`
      select type, count(*)::int as count from activities
       where action_id = ${id} and status in ('held', 'reported') group by type order by type`);
    expect(held.length).toBeGreaterThan(0);
    expect(detail.activitiesByType.map((a: { type: string; count: number }) => [a.type, a.count])).toEqual(
      held.map((a) => [a.type, Number(a.count)]),
    );
    const drafting = detail.activitiesByType.find((a: { type: string }) => a.type === 'drafting_session');
    expect(drafting.name).toBe('Session de rédaction');
    expect(detail.expertCountries.length).toBeGreaterThan(0);
    for (const code of detail.expertCountries) expect(code).toMatch(/^[A-Z]{2}$/);
    const handbook = await deliverableId('timor-leste-i', 'handbook');
    expect(detail.publishedDeliverables).toEqual([
      expect.objectContaining({
        id: handbook,
        type: 'handbook',
        typeName: 'Manuel',
        language: 'pt',
        publishedOn: '2026-09-24',
        downloadUrl: `/api/public/deliverables/${handbook}/download`,
      }),
    ]);
    for (const name of await expertNames()) expect(response.body).not.toContain(name);
  });

  it('downloads the handbook without signing in', async () => {
    const handbook = await deliverableId('timor-leste-i', 'handbook');
    const response = await get(`/api/public/deliverables/${handbook}/download`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists the handbook among the latest resources, with its Action', async () => {
    const handbook = await deliverableId('timor-leste-i', 'handbook');
    const { items } = (await get('/api/public/resources?limit=50')).json();
    const item = items.find((r: { id: string }) => r.id === handbook);
    expect(item.action).toEqual({ id: await actionId('timor-leste-i'), name: 'Timor-Leste I' });
  });
});

describe('what is not published', () => {
  const hidden = [
    ['jordan-i', 'standard_operating_procedures'],
    ['ghana-iii', 'training_module'],
  ] as const;

  it('never shows the Jordan SOPs in review nor the Ghana draft module', async () => {
    const { items } = (await get('/api/public/resources?limit=50')).json();
    for (const [code, type] of hidden) {
      const id = await deliverableId(code, type);
      expect(items.map((r: { id: string }) => r.id)).not.toContain(id);
      const page = await get(`/api/public/actions/${await actionId(code)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(id);
      expect(page.json().publishedDeliverables).toEqual([]);
    }
  });

  it('answers 404 to their downloads, to an unknown id, and 400 to a bad one', async () => {
    for (const [code, type] of hidden) {
      const response = await get(`/api/public/deliverables/${await deliverableId(code, type)}/download`);
      expect(response.statusCode, `${code} ${type}`).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const unknown = await get('/api/public/deliverables/6f1d2c1e-5d7a-4b8e-9f60-0c1b2a3d4e5f/download');
    expect(unknown.statusCode).toBe(404);
    expect((await get('/api/public/deliverables/not-an-id/download')).statusCode).toBe(400);
  });

  it('answers 404 once a published deliverable is no longer public', async () => {
    const handbook = await deliverableId('timor-leste-i', 'handbook');
    await t.database.db.execute(sql`update deliverables set visibility = 'partner' where id = ${handbook}`);
    try {
      expect((await get(`/api/public/deliverables/${handbook}/download`)).statusCode).toBe(404);
      const page = (await get(`/api/public/actions/${await actionId('timor-leste-i')}`)).json();
      expect(page.publishedDeliverables).toEqual([]);
    } finally {
      await t.database.db.execute(sql`update deliverables set visibility = 'public' where id = ${handbook}`);
    }
  });

  it('names no expert in any public response', async () => {
    const names = await expertNames();
    const urls = ['/api/public/stats', '/api/public/resources?limit=50', '/api/public/regions/asia'];
    for (const code of ['timor-leste-i', 'jordan-i', 'ghana-iii']) {
      urls.push(`/api/public/actions/${await actionId(code)}`);
    }
    for (const url of urls) {
      const body = (await get(url)).body;
      for (const name of names) expect(body, url).not.toContain(name);
    }
  });
});
