import { sql } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { actionIdOf, caller } from '../../test/requests.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let ghanaId: string;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  officer = await t.signIn('officer@demo.tandem.test');
  ghanaId = await actionIdOf(t, officer, 'Ghana III');
});
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** The fiche's text, one string, with runs of white space made single spaces. */
async function fiche(who: SignedInHeaders, id: string, query = '') {
  const response = await call(who, 'GET', `/api/actions/${id}/fiche.pdf${query}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const { totalPages, text } = await extractText(new Uint8Array(response.rawPayload), { mergePages: true });
  return { totalPages, text: text.replace(/\s+/g, ' '), response };
}

/** The Action's figures, counted straight from the database. */
async function figuresOf(id: string) {
  const [row] = await rows<{
    name: string;
    title: Record<string, string>;
    held: number;
    planned: number;
    published: number;
    deliverables: number;
  }>(sql`
    select a.name, a.title,
      (select count(*)::int from activities where action_id = a.id and status in ('held', 'reported')) as held,
      (select count(*)::int from activities where action_id = a.id and status in ('planned', 'confirmed', 'postponed')) as planned,
      (select count(*)::int from deliverables where action_id = a.id and status = 'published') as published,
      (select count(*)::int from deliverables where action_id = a.id) as deliverables
    from actions a where a.id = ${id}`);
  if (!row) throw new Error('no such Action');
  return row;
}

describe('the Action fiche', () => {
  it('holds the Action’s title and its figures, on one or two pages', async () => {
    const want = await figuresOf(ghanaId);
    expect(want.held).toBeGreaterThan(0);
    const { totalPages, text, response } = await fiche(officer, ghanaId, '?lang=en');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="fiche-.+-en\.pdf"/);
    expect(totalPages).toBeGreaterThanOrEqual(1);
    expect(totalPages).toBeLessThanOrEqual(2);
    expect(text).toContain(want.name);
    expect(text).toContain(want.title.en);
    expect(text).toContain(`Activities held (${want.held})`);
    expect(text).toContain(`Activities planned (${want.planned})`);
    expect(text).toContain(`Deliverables (${want.deliverables})`);
    expect(text).toMatch(
      new RegExp(
        `${want.held} Activities held ${want.planned} Activities planned ${want.published} Deliverables published ${want.deliverables} Deliverables in all`,
      ),
    );
    expect(text).toContain('Summary');
    expect(text).toContain('Ghana');
  });

  it('is written in French, Spanish and Portuguese, by ?lang= or Accept-Language', async () => {
    const want = await figuresOf(ghanaId);
    const french = await fiche(officer, ghanaId, '?lang=fr');
    expect(french.text).toContain('Fiche action');
    expect(french.text).toContain(`Activités tenues (${want.held})`);
    const spanish = await call(officer, 'GET', `/api/actions/${ghanaId}/fiche.pdf`, undefined, {
      'accept-language': 'es-PE,es;q=0.9',
    });
    const { text } = await extractText(new Uint8Array(spanish.rawPayload), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain(`Actividades realizadas (${want.held})`);
    const portuguese = await fiche(officer, ghanaId, '?lang=pt');
    expect(portuguese.text).toContain('Ficha da ação');
  });

  it('falls back to English for a reader of Arabic and refuses ?lang=ar with its reason', async () => {
    const response = await call(officer, 'GET', `/api/actions/${ghanaId}/fiche.pdf`, undefined, {
      'accept-language': 'ar',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('-en.pdf');
    const refused = await call(officer, 'GET', `/api/actions/${ghanaId}/fiche.pdf?lang=ar`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'lang' });
  });

  it('fits on two pages for every Action of the portfolio', async () => {
    const all = await rows<{ id: string; name: string }>(sql`select id, name from actions`);
    for (const action of all) {
      const { totalPages, text } = await fiche(officer, action.id);
      expect(totalPages, action.name).toBeLessThanOrEqual(2);
      expect(text).toContain(action.name);
    }
  });

  it('is for those who may see the Action: its partner yes, another partner 404, nobody 401', async () => {
    const ghana = await t.signIn('partner.ghana@demo.tandem.test');
    const jordan = await t.signIn('partner.jordan@demo.tandem.test');
    expect((await call(ghana, 'GET', `/api/actions/${ghanaId}/fiche.pdf`)).statusCode).toBe(200);
    expect((await call(jordan, 'GET', `/api/actions/${ghanaId}/fiche.pdf`)).statusCode).toBe(404);
    expect((await call(undefined, 'GET', `/api/actions/${ghanaId}/fiche.pdf`)).statusCode).toBe(401);
  });

  it('leaves internal deliverables out of a partner’s fiche', async () => {
    const [counts] = await rows<{ visible: number }>(sql`
      select count(*)::int as visible from deliverables where action_id = ${ghanaId} and visibility <> 'internal'`);
    const ghana = await t.signIn('partner.ghana@demo.tandem.test');
    const { text } = await fiche(ghana, ghanaId);
    expect(text).toContain(`Deliverables (${counts?.visible})`);
  });
});

describe('the fiche’s results against targets', () => {
  it('lists the Action’s indicators with the target summed over their periods', async () => {
    const [indicator] = await rows<{ action_id: string; title: Record<string, string>; target: string }>(sql`
      select i.action_id, i.title,
        (select sum(p.target) from indicator_periods p where p.indicator_id = i.id)::text as target
        from indicators i
       where i.measure = 'count'
         and exists (select 1 from indicator_periods p where p.indicator_id = i.id and p.target is not null)
       order by i.created_at limit 1`);
    if (!indicator) throw new Error('the demo has no indicator with a target');
    const { text, totalPages } = await fiche(officer, indicator.action_id, '?lang=en');
    expect(totalPages).toBeLessThanOrEqual(2);
    expect(text).toContain('Results against targets');
    const title = (indicator.title.en ?? Object.values(indicator.title)[0] ?? '').slice(0, 40);
    expect(text).toContain(title);
    const target = new Intl.NumberFormat('en').format(Number(indicator.target));
    const afterTitle = text.slice(text.indexOf(title));
    expect(afterTitle).toContain(` ${target} `);
  });
});
