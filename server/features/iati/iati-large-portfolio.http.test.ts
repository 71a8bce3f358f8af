import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { insertGeneratedIndicators } from '../results/results.generate.ts';
import { insertGeneratedActions } from './iati-portfolio.generate.ts';
import { childrenNamed, parseTree, schemaDir, schemaErrors } from './iati-test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  vi.stubEnv('TANDEM_IATI_SCHEMA_DIR', schemaDir);
  t = await createTestApp();
  await insertGeneratedActions(t.database.db, 1000);
  await insertGeneratedIndicators(t.database.db);
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

describe('the IATI export of a generated portfolio of 1,000 Actions', () => {
  it('holds every Action, in batches, and the official schema accepts it', async () => {
    const officer = await t.signIn('officer@demo.tandem.test');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/iati/activities.xml?all=true',
      headers: { cookie: officer.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(await schemaErrors(response.body)).toEqual([]);
    const result = await t.database.db.execute(sql`select count(*)::int as n from actions`);
    const total = (result as unknown as { rows: { n: number }[] }).rows[0]?.n;
    expect(total).toBeGreaterThan(1000);
    const activities = childrenNamed(parseTree(response.body), 'iati-activity');
    expect(activities).toHaveLength(total as number);
    // Keyset pages neither skip nor repeat an Action.
    const identifiers = activities.map((a) => childrenNamed(a, 'iati-identifier')[0]?.text);
    expect(new Set(identifiers).size).toBe(total);
    // Results frameworks are published with their indicators, disaggregated by sex.
    expect(activities.filter((a) => childrenNamed(a, 'result').length > 0).length).toBeGreaterThan(1000);
    expect(response.body).toContain('<dimension name="sex" value="female"/>');

    const report = await t.app.inject({
      method: 'GET',
      url: '/api/iati/problems?all=true',
      headers: { cookie: officer.cookie },
    });
    expect(report.json().schema).toBe('valid');
    expect(report.json().checked).toBe(total);
  });
});
