import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import type { ProblemsReport } from './iati.contract.ts';
import { childrenNamed, parseTree, schemaDir, schemaErrors } from './iati-test-helpers.ts';

let t: TestApp;
let officer: SignedInHeaders;

beforeAll(async () => {
  vi.stubEnv('TANDEM_IATI_SCHEMA_DIR', schemaDir);
  t = await createTestApp();
  officer = await t.signIn('officer@demo.tandem.test');
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

async function problems(headers: SignedInHeaders | undefined, query = '') {
  return t.app.inject({
    method: 'GET',
    url: `/api/iati/problems${query}`,
    headers: headers ? { cookie: headers.cookie } : {},
  });
}

const codesOf = (report: ProblemsReport, actionCode: string) =>
  report.actions.find((a) => a.code === actionCode)?.problems.map((p) => p.code) ?? [];

describe('GET /api/iati/problems', () => {
  it('finds nothing wrong with the demo Actions, and says the organisation identifier is the example', async () => {
    const response = await problems(officer, '?all=true');
    expect(response.statusCode).toBe(200);
    const report: ProblemsReport = response.json();
    expect(report.scope).toBe('all');
    expect(report.schema).toBe('valid');
    expect(report.settings.schemaValidation).toBe(true);
    expect(report.checked).toBe(report.included);
    expect(report.actions).toEqual([]);
    expect(report.fileProblems.map((p) => p.code)).toEqual(['EXAMPLE_ORG_REF']);
  });

  it('names the real problems of Actions broken on purpose, and leaves out those that would break the file', async () => {
    const db = t.database.db;
    await db.execute(sql`update actions set planned_end = null, actual_end = null where code = 'ghana-iii'`);
    await db.execute(sql`update actions set title = '{"en": "  "}'::jsonb where code = 'jordan-i'`);
    await db.execute(sql`update actions set actual_start = current_date + 30 where code = 'peru-iii'`);
    await db.execute(
      sql`delete from action_countries where action_id = (select id from actions where code = 'thailand-i')`,
    );
    await db.execute(
      sql`insert into action_countries select id, 'FR' from actions where code = 'thailand-i'`,
    );

    const report: ProblemsReport = (await problems(officer)).json();
    expect(report.scope).toBe('public');
    expect(codesOf(report, 'ghana-iii')).toEqual(['NO_END_DATE']);
    expect(codesOf(report, 'jordan-i')).toEqual(['TITLE_WITHOUT_NARRATIVE']);
    expect(codesOf(report, 'peru-iii')).toEqual(['ACTUAL_DATE_IN_FUTURE']);
    expect(codesOf(report, 'thailand-i')).toEqual(['NO_RECIPIENT']);
    const jordan = report.actions.find((a) => a.code === 'jordan-i');
    expect(jordan?.included).toBe(false);
    expect(jordan?.problems[0]).toMatchObject({
      severity: 'error',
      message: 'The title has no text in any language',
    });
    const ghana = report.actions.find((a) => a.code === 'ghana-iii');
    expect(ghana?.included).toBe(true);
    expect(ghana?.identifier).toMatch(/^XI-IATI-EXAMPLE-[0-9a-f-]{36}$/);
    expect(report.included).toBe(report.checked - 1);
    expect(report.schema).toBe('valid');

    // The published file leaves Jordan I out, says so, and stays valid.
    const xml = (await t.app.inject({ method: 'GET', url: '/api/iati/activities.xml' })).body;
    expect(await schemaErrors(xml)).toEqual([]);
    expect(childrenNamed(parseTree(xml), 'iati-activity')).toHaveLength(report.included);
    expect(xml).toContain('1 Action(s) left out because of problems');
    expect(xml).not.toContain('other-identifier ref="jordan-i"');
  });

  it('is for admins and officers only', async () => {
    expect((await problems(undefined)).statusCode).toBe(401);
    for (const email of [
      'steering@demo.tandem.test',
      'partner.ghana@demo.tandem.test',
      'expert@demo.tandem.test',
    ]) {
      const response = await problems(await t.signIn(email));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await problems(await t.signIn('admin@demo.tandem.test'))).statusCode).toBe(200);
  });

  it('refuses a malformed flag', async () => {
    const response = await problems(officer, '?all=1');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('all');
  });
});
