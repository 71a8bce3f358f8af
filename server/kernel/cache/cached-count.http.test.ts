import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoAccounts, type SignedInHeaders, type TestApp } from '../../test/harness.ts';

/*
 * A list's total is counted once and kept until the portfolio changes: a change to any table its
 * filter or the caller's scope reads makes the next page count again, in the same process or another.
 */

let t: TestApp;
let ghana: SignedInHeaders;
let officer: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  ghana = await t.signIn(demoAccounts.ghana);
  officer = await t.signIn(demoAccounts.officer);
});
afterAll(() => t.close());

async function total(headers: SignedInHeaders, url: string): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url, headers });
  expect(response.statusCode).toBe(200);
  return response.json().total;
}

/** Links the Ghana partner's institution to one more Action, optionally without firing triggers. */
async function linkGhanaToAnotherAction(withTriggers: boolean) {
  const statement = sql`
    insert into action_institutions (action_id, institution_id, role)
    select a.id, u.institution_id, 'beneficiary'
      from actions a, users u
     where u.email = ${demoAccounts.ghana}
       and not exists (select 1 from action_institutions ai where ai.action_id = a.id and ai.institution_id = u.institution_id)
     order by a.name limit 1
    returning action_id`;
  if (withTriggers) return t.rows(statement);
  // Replica mode skips triggers: the row changes but the version does not, as if the count were cached.
  return t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    return (await tx.execute(statement)) as unknown;
  });
}

describe('the count of a list', () => {
  it('is kept while nothing changes, and counted again after a change to the scope’s links', async () => {
    const before = await total(ghana, '/api/actions');
    expect(before).toBeGreaterThan(0);

    // The version has not moved: the kept total is served although a row was added behind its back.
    await linkGhanaToAnotherAction(false);
    expect(await total(ghana, '/api/actions')).toBe(before);
    // Another page of the same filter shares the same count.
    expect(await total(ghana, '/api/actions?page=2')).toBe(before);

    // A change through the normal path bumps the version in its transaction: both new links count.
    await linkGhanaToAnotherAction(true);
    expect(await total(ghana, '/api/actions')).toBe(before + 2);
  });

  it('differs by caller and filter, and follows a new Action', async () => {
    const all = await total(officer, '/api/actions');
    const ghanaOnly = await total(ghana, '/api/actions');
    expect(ghanaOnly).toBeLessThan(all);
    const designs = await total(officer, '/api/actions?status=design');
    expect(designs).toBeLessThan(all);

    await t.rows(sql`
      insert into actions (code, name, title, summary, status)
      values ('T-COUNT-1', 'Counted Action', '{"en":"Counted"}', '{"en":"Counted"}', 'design')`);
    expect(await total(officer, '/api/actions')).toBe(all + 1);
    expect(await total(officer, '/api/actions?status=design')).toBe(designs + 1);
    expect(await total(ghana, '/api/actions')).toBe(ghanaOnly);
  });
});
