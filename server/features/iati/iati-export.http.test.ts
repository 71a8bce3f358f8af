import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import {
  childNamed,
  childrenNamed,
  parseTree,
  schemaDir,
  schemaErrors,
  type XmlElement,
} from './iati-test-helpers.ts';

let t: TestApp;
let officer: SignedInHeaders;
let ghana: SignedInHeaders;

beforeAll(async () => {
  vi.stubEnv('TANDEM_IATI_SCHEMA_DIR', schemaDir);
  t = await createTestApp();
  [officer, ghana] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
  ]);
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

async function exportXml(query = '', headers?: SignedInHeaders) {
  return t.app.inject({
    method: 'GET',
    url: `/api/iati/activities.xml${query}`,
    headers: headers ? { cookie: headers.cookie } : {},
  });
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function countActions(where: string) {
  const result = await t.database.db.execute(
    sql.raw(`select count(*)::int as n from actions where ${where}`),
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** The activity of the Action with this code (its other-identifier). */
function activityOf(root: XmlElement, code: string): XmlElement {
  const activity = childrenNamed(root, 'iati-activity').find((a) =>
    childrenNamed(a, 'other-identifier').some((o) => o.attributes.ref === code),
  );
  if (!activity) throw new Error(`no activity for ${code}`);
  return activity;
}

const codes = (activity: XmlElement, name: string, attribute = 'code') =>
  childrenNamed(activity, name).map((e) => e.attributes[attribute]);

describe('GET /api/iati/activities.xml', () => {
  it('publishes the public Actions of the demo portfolio as IATI 2.03 that the official schema accepts', async () => {
    const response = await exportXml();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(await schemaErrors(response.body)).toEqual([]);
    const root = parseTree(response.body);
    expect(root.name).toBe('iati-activities');
    expect(root.attributes.version).toBe('2.03');
    expect(Date.parse(root.attributes['generated-datetime'] ?? '')).not.toBeNaN();
    const activities = childrenNamed(root, 'iati-activity');
    expect(activities).toHaveLength(await countActions("status in ('implementation','closing','completed')"));
    const statuses = new Set(activities.map((a) => childNamed(a, 'activity-status')?.attributes.code));
    expect([...statuses].sort()).toEqual(['2', '3', '4']);
  });

  it('identifies each activity by the reporting organisation and the Action’s id, forever', async () => {
    const root = parseTree((await exportXml()).body);
    const peru = activityOf(root, 'peru-iii');
    const [row] = rowsOf<{ id: string }>(
      await t.database.db.execute(sql`select id from actions where code = 'peru-iii'`),
    );
    expect(childNamed(peru, 'iati-identifier')?.text).toBe(`XI-IATI-EXAMPLE-${row?.id}`);
    expect(childNamed(peru, 'reporting-org')?.attributes).toMatchObject({
      ref: 'XI-IATI-EXAMPLE',
      type: '40',
    });
  });

  it('writes a narrative per language of the title and the summary', async () => {
    const peru = activityOf(parseTree((await exportXml()).body), 'peru-iii');
    const langs = (name: string) =>
      childrenNamed(childNamed(peru, name) as XmlElement, 'narrative').map((n) => n.attributes['xml:lang']);
    expect(langs('title')).toEqual(['en', 'fr', 'es', 'pt', 'ar']);
    expect(langs('description')).toEqual(['en', 'es']);
    const spanish = childrenNamed(childNamed(peru, 'title') as XmlElement, 'narrative')[2];
    expect(spanish?.text).toContain('tráfico ilícito de migrantes');
  });

  it('names the funder, the facility in its three roles and the co-implementing partners', async () => {
    const iberRed = activityOf(parseTree((await exportXml()).body), 'iberred-i');
    const orgs = childrenNamed(iberRed, 'participating-org').map((o) => ({
      role: o.attributes.role,
      ref: o.attributes.ref,
      name: childNamed(o, 'narrative')?.text,
    }));
    expect(orgs.slice(0, 4)).toEqual([
      { role: '1', ref: 'XI-IATI-EC_INTPA', name: 'European Union' },
      expect.objectContaining({ role: '2', ref: 'XI-IATI-EXAMPLE' }),
      expect.objectContaining({ role: '3', ref: 'XI-IATI-EXAMPLE' }),
      expect.objectContaining({ role: '4', ref: 'XI-IATI-EXAMPLE' }),
    ]);
    const partners = orgs.slice(4).map((o) => o.name);
    expect(partners).toHaveLength(2);
    expect(partners.join(' ')).toMatch(/AECID/);
    expect(partners.join(' ')).toMatch(/GLO\.ACT/);
    expect(orgs.slice(4).every((o) => o.role === '4')).toBe(true);
  });

  it('shares a regional Action equally among its recipient countries, leaving EU peers out, to exactly 100', async () => {
    const iberRed = activityOf(parseTree((await exportXml()).body), 'iberred-i');
    const countries = childrenNamed(iberRed, 'recipient-country');
    const recipients = countries.map((c) => c.attributes.code);
    expect(recipients).toContain('PE');
    expect(recipients).not.toContain('ES');
    expect(recipients).not.toContain('PT');
    expect(recipients).not.toContain('AD');
    expect(recipients).toHaveLength(19);
    const hundredths = countries.reduce(
      (sum, c) => sum + Math.round(Number(c.attributes.percentage) * 100),
      0,
    );
    expect(hundredths).toBe(10_000);
    expect(childNamed(iberRed, 'activity-scope')?.attributes.code).toBe('2');
    const ghana = activityOf(parseTree((await exportXml()).body), 'ghana-iii');
    expect(childrenNamed(ghana, 'recipient-country').map((c) => c.attributes)).toEqual([
      { code: 'GH', percentage: '100.00' },
    ]);
  });

  it('classifies by sector 15190, SDG targets, the gender marker and aid type D02', async () => {
    const root = parseTree((await exportXml()).body);
    const thailand = activityOf(root, 'thailand-i');
    expect(childrenNamed(thailand, 'sector').map((s) => s.attributes)).toEqual([
      { code: '15190', vocabulary: '1', percentage: '100.00' },
    ]);
    expect(codes(thailand, 'tag')).toEqual(['5.2', '8.7', '16.2']);
    expect(childrenNamed(thailand, 'tag').every((tag) => tag.attributes.vocabulary === '3')).toBe(true);
    // Thailand I carries the gender-sensitive approach; Timor-Leste I does not.
    expect(childrenNamed(thailand, 'policy-marker').map((m) => m.attributes)).toEqual([
      { vocabulary: '1', code: '1', significance: '1' },
    ]);
    expect(childrenNamed(activityOf(root, 'timor-leste-i'), 'policy-marker')).toEqual([]);
    expect(childNamed(thailand, 'default-aid-type')?.attributes).toEqual({ code: 'D02', vocabulary: '1' });
    const dates = childrenNamed(thailand, 'activity-date').map((d) => [
      d.attributes.type,
      d.attributes['iso-date'],
    ]);
    expect(dates).toEqual([
      ['1', '2025-09-01'],
      ['2', '2025-10-06'],
      ['3', '2027-06-30'],
    ]);
  });

  it('gives staff every Action with all=true, and refuses that to the public and to partners', async () => {
    const all = await exportXml('?all=true', officer);
    expect(all.statusCode).toBe(200);
    expect(all.headers['cache-control']).toBe('private, no-store');
    expect(await schemaErrors(all.body)).toEqual([]);
    const activities = childrenNamed(parseTree(all.body), 'iati-activity');
    expect(activities).toHaveLength(await countActions('true'));
    expect(new Set(activities.map((a) => childNamed(a, 'activity-status')?.attributes.code))).toEqual(
      new Set(['1', '2', '3', '4', '5', '6']),
    );
    expect((await exportXml('?all=true')).statusCode).toBe(401);
    const partner = await exportXml('?all=true', ghana);
    expect(partner.statusCode).toBe(403);
    expect(partner.json().error.code).toBe('FORBIDDEN');
    // A partner may read the public file like anyone.
    expect((await exportXml('', ghana)).statusCode).toBe(200);
  });

  it('refuses unknown and malformed query parameters', async () => {
    const bad = await exportXml('?all=yes', officer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('all');
    expect((await exportXml('?format=json')).statusCode).toBe(400);
  });
});

describe('document links to published deliverables', () => {
  it('link each deliverable published for general consultation, in schema order, with an absolute URL', async () => {
    const published = rowsOf<{ id: string; code: string; title: Record<string, string>; published: string }>(
      await t.database.db.execute(sql`
        select d.id, a.code, d.title, to_char(d.published_at at time zone 'UTC', 'YYYY-MM-DD') as published
          from deliverables d join actions a on a.id = d.action_id
         where d.status = 'published' and d.visibility = 'public'
           and a.status in ('implementation', 'closing', 'completed')`),
    );
    expect(published.length).toBeGreaterThan(0);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/iati/activities.xml',
      headers: { host: 'tandem.example.org' },
    });
    expect(await schemaErrors(response.body)).toEqual([]);
    const root = parseTree(response.body);
    const linked = childrenNamed(root, 'iati-activity').flatMap((a) => childrenNamed(a, 'document-link'));
    expect(linked).toHaveLength(published.length);
    for (const deliverable of published) {
      const activity = activityOf(root, deliverable.code);
      const link = childrenNamed(activity, 'document-link').find((l) =>
        l.attributes.url?.includes(deliverable.id),
      );
      expect(link?.attributes.url).toBe(
        `http://tandem.example.org/api/public/deliverables/${deliverable.id}/download`,
      );
      // The file's own type: the demo library holds PDFs and a Word document.
      expect(link?.attributes.format).toMatch(
        /^application\/(pdf|vnd\.openxmlformats-officedocument\.wordprocessingml\.document)$/,
      );
      const titles = childrenNamed(childNamed(link as XmlElement, 'title') as XmlElement, 'narrative');
      expect(titles.map((n) => n.text)).toContain(deliverable.title.en);
      expect(codes(link as XmlElement, 'category')).toEqual(['A08']);
      expect(childNamed(link as XmlElement, 'document-date')?.attributes['iso-date']).toBe(
        deliverable.published,
      );
      // document-link comes after default-aid-type and before result, as the schema orders them.
      const names = activity.children.map((c) => c.name);
      expect(names.lastIndexOf('default-aid-type')).toBeLessThan(names.indexOf('document-link'));
    }
  });

  it('leave out deliverables that are not public, and stop linking one once it is no longer public', async () => {
    const [one] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`select id from deliverables where status = 'published' and visibility = 'public' limit 1`,
      ),
    );
    await t.database.db.execute(sql`update deliverables set visibility = 'partner' where id = ${one?.id}`);
    const body = (await exportXml('?all=true', officer)).body;
    expect(body).not.toContain(`/api/public/deliverables/${one?.id}/download`);
    expect(await schemaErrors(body)).toEqual([]);
    await t.database.db.execute(sql`update deliverables set visibility = 'public' where id = ${one?.id}`);
  });
});
