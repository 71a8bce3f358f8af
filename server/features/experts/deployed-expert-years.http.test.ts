import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { expertsDeployedByYear, keptExpertsDeployedByYear } from './deployments.for-reporting.ts';
import { deployedExpertCounts, deployedExpertIds, keptDeployedExpertIds } from './deployments.for-results.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const everyAction = sql`select id from actions`;
const run = (statement: SQL) => t.database.db.execute(statement);

/**
 * The years kept per expert are what the rule says now, and the whole portfolio's experts read from
 * them are what counting every deployment gives, in all and in each year.
 */
async function expectKeptAsTheRuleSays() {
  const [row] = await t.rows<{ kept: number; differ: number }>(sql`
    select (select count(*)::int from deployed_expert_years) as kept,
           (select count(*)::int from ((table deployed_expert_years except table deployed_expert_year_rule)
              union all (table deployed_expert_year_rule except table deployed_expert_years)) d) as differ`);
  expect(row?.kept).toBeGreaterThan(0);
  expect(row?.differ).toBe(0);
  const db = t.database.db;
  expect(await keptExpertsDeployedByYear(db, undefined)).toEqual(
    await expertsDeployedByYear(db, everyAction, undefined),
  );
  const years = await t.rows<{ year: number }>(sql`select distinct year from deployed_expert_year_rule`);
  for (const { year } of years) {
    expect(await keptExpertsDeployedByYear(db, year)).toEqual(
      await expertsDeployedByYear(db, everyAction, year),
    );
    expect(await deployedExpertCounts(db, keptDeployedExpertIds(year))).toEqual(
      await deployedExpertCounts(db, deployedExpertIds(everyAction, year)),
    );
  }
  expect(await deployedExpertCounts(db, keptDeployedExpertIds())).toEqual(
    await deployedExpertCounts(db, deployedExpertIds(everyAction)),
  );
}

/** An expert, and two activities of the demo in different years, none of them cancelled. */
async function expertAndTwoYears() {
  const [expert] = await t.rows<{ id: string }>(sql`select id from experts order by id limit 1`);
  const pair = await t.rows<{ id: string; year: number }>(sql`
    select distinct on (extract(year from start_date)) id, extract(year from start_date)::int as year
      from activities where status <> 'cancelled'
       and id not in (select activity_id from deployments where expert_id = ${expert?.id})
     order by extract(year from start_date), id limit 2`);
  expect(pair).toHaveLength(2);
  return {
    expertId: expert?.id as string,
    first: pair[0] as { id: string },
    second: pair[1] as { id: string },
  };
}

describe('the years in which experts were deployed, kept by the database', () => {
  it('follow deployments added, moved and removed, and activities cancelled, moved and deleted', async () => {
    await expectKeptAsTheRuleSays();
    const { expertId, first, second } = await expertAndTwoYears();
    const [deployment] = await t.rows<{ id: string }>(sql`
      insert into deployments (expert_id, activity_id, role, days) values (${expertId}, ${first.id}, 'lead_expert', 3)
      returning id`);
    await expectKeptAsTheRuleSays();
    await run(sql`update deployments set activity_id = ${second.id} where id = ${deployment?.id}`);
    await expectKeptAsTheRuleSays();
    await run(sql`update activities set status = 'cancelled' where id = ${second.id}`);
    await expectKeptAsTheRuleSays();
    await run(sql`update activities set status = 'planned' where id = ${second.id}`);
    await expectKeptAsTheRuleSays();
    await run(
      sql`update activities set start_date = start_date - 400, end_date = end_date - 400 where id = ${second.id}`,
    );
    await expectKeptAsTheRuleSays();
    await run(sql`delete from deployments where id = ${deployment?.id}`);
    await expectKeptAsTheRuleSays();
    await run(sql`delete from activities where id = ${first.id}`);
    await expectKeptAsTheRuleSays();
  });

  it("keep an expert's years right when one transaction removes a deployment and another adds one", async () => {
    const { expertId, first, second } = await expertAndTwoYears();
    const [deployment] = await t.rows<{ id: string }>(sql`
      insert into deployments (expert_id, activity_id, role, days) values (${expertId}, ${first.id}, 'lead_expert', 3)
      returning id`);
    await expectKeptAsTheRuleSays();
    // In the app, writers of deployments also move the cache's version row and so wait for each
    // other; here the triggers are off for each transaction (replica role), and each calls the
    // refresh itself, so only its own lock on the expert orders the two.
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const inTransaction = (statement: SQL) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(statement);
        await tx.execute(sql`select refresh_deployed_expert_years(array[${expertId}]::uuid[])`);
        await pause(150); // the other transaction runs meanwhile, before this one commits
      });
    // The second, still seeing the first year's deployment, must not keep that year for the expert.
    await Promise.all([
      inTransaction(sql`delete from deployments where id = ${deployment?.id}`),
      pause(40).then(() =>
        inTransaction(
          sql`insert into deployments (expert_id, activity_id, role, days) values (${expertId}, ${second.id}, 'lead_expert', 2)`,
        ),
      ),
    ]);
    await expectKeptAsTheRuleSays();
  });
});
