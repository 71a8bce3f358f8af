import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { expertsDeployedByYear } from './deployments.for-reporting.ts';
import { deployedExpertCounts } from './deployments.for-results.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const run = (statement: SQL) => t.database.db.execute(statement);

/** Some Actions' experts counted from every deployment and its activity, as the rule says. */
async function countedFromDeployments(actionIds: SQL, year?: number) {
  const inYear = year === undefined ? sql`true` : sql`extract(year from a.start_date) = ${year}`;
  const deployed = sql`select d.expert_id, extract(year from a.start_date)::int as year
    from deployments d join activities a on a.id = d.activity_id
   where a.status <> 'cancelled' and a.action_id in (${actionIds}) and ${inYear}`;
  const rows = await t.rows<{ key: string; count: number }>(sql`
    select year::text as key, count(distinct expert_id)::int as count from (${deployed}) x group by year order by year`);
  const [counts] = await t.rows<{ deployed: number; women: number; fromPartnerCountries: number }>(sql`
    select count(*)::int as deployed, (count(*) filter (where e.gender = 'female'))::int as women,
           (count(*) filter (where c.region_code is distinct from 'eu'))::int as "fromPartnerCountries"
      from experts e left join countries c on c.code = e.country_code
     where e.id in (select expert_id from (${deployed}) x)`);
  return { byYear: { rows, total: counts?.deployed ?? 0 }, counts };
}

const everyAction = sql`select id from actions`;

/**
 * The kept rows are what the rule says now, their kept counts what counting them gives, and the
 * experts counted from them what counting every deployment gives: for every Action (also from the
 * kept counts) and for one topic's, in all and in each year.
 */
async function expectKeptAsTheRuleSays() {
  const [row] = await t.rows<{ kept: number; differ: number; miscounted: number }>(sql`
    with kept_counts as (select year, sum(experts)::int as experts from deployed_expert_counts
                          group by year having sum(experts) <> 0)
    select (select count(*)::int from deployed_experts) as kept,
           (select count(*)::int from ((table deployed_experts except table deployed_expert_rule)
              union all (table deployed_expert_rule except table deployed_experts)) d) as differ,
           (select count(*)::int from ((table deployed_expert_count_rule except table kept_counts)
              union all (table kept_counts except table deployed_expert_count_rule)) d) as miscounted`);
  expect(row?.kept).toBeGreaterThan(0);
  expect(row?.differ).toBe(0);
  expect(row?.miscounted).toBe(0);
  const db = t.database.db;
  const years = await t.rows<{ year: number }>(sql`select distinct year from deployed_expert_rule`);
  // `selected` is what a report passes: undefined for every Action, read from the kept counts.
  const topic = sql`select action_id from action_topics where topic_code = 'thb'`;
  for (const { actionIds, selected } of [
    { actionIds: everyAction, selected: undefined },
    { actionIds: everyAction, selected: everyAction },
    { actionIds: topic, selected: topic },
  ]) {
    for (const year of [undefined, ...years.map((y) => y.year)]) {
      const counted = await countedFromDeployments(actionIds, year);
      expect(await expertsDeployedByYear(db, selected, year)).toEqual(counted.byYear);
      expect(await deployedExpertCounts(db, selected, year)).toEqual(counted.counts);
    }
  }
}

/**
 * An expert (the roster's first, or a new one deployed nowhere), and two activities of the demo in
 * different years, none of them cancelled, the expert on neither.
 */
async function expertAndTwoYears(newExpert = false) {
  const [expert] = newExpert
    ? await t.rows<{ id: string }>(sql`
        insert into experts (full_name, gender, administration, country_code, public_sector_status)
        values ('Ana Ferreira', 'female', 'Polícia Judiciária', 'PT', 'serving') returning id`)
    : await t.rows<{ id: string }>(sql`select id from experts order by id limit 1`);
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

describe('who was deployed where and when, kept by the database', () => {
  it('follows deployments added, moved and removed, and activities cancelled, moved and deleted', async () => {
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
    const [other] = await t.rows<{ id: string }>(sql`
      select id from actions where id <> (select action_id from activities where id = ${second.id}) order by id limit 1`);
    await run(sql`update activities set action_id = ${other?.id} where id = ${second.id}`);
    await expectKeptAsTheRuleSays();
    await run(sql`delete from deployments where id = ${deployment?.id}`);
    await expectKeptAsTheRuleSays();
    await run(sql`delete from activities where id = ${first.id}`);
    await expectKeptAsTheRuleSays();
  });

  it('sums the rows of changes to its counts now and then, and the counts stay the same', async () => {
    // An expert deployed nowhere else: each move takes them out of one year and into the other.
    const { expertId, first, second } = await expertAndTwoYears(true);
    const [deployment] = await t.rows<{ id: string }>(sql`
      insert into deployments (expert_id, activity_id, role, days) values (${expertId}, ${first.id}, 'lead_expert', 3)
      returning id`);
    const kept = () => expertsDeployedByYear(t.database.db, undefined, undefined);
    const before = await kept();
    const changeRows = async () =>
      (await t.rows<{ n: number }>(sql`select count(*)::int as n from deployed_expert_counts`))[0]
        ?.n as number;
    // Each move to the other year appends a row for each year, until one finds more than 1,000 and sums them.
    let rows = await changeRows();
    for (let moves = 0; moves < 1000; moves++) {
      const to = moves % 2 === 0 ? second : first;
      await run(sql`update deployments set activity_id = ${to.id} where id = ${deployment?.id}`);
      const now = await changeRows();
      if (now < rows) break;
      rows = now;
    }
    expect(rows).toBeGreaterThan(900);
    expect(await changeRows()).toBeLessThan(100);
    await run(sql`update deployments set activity_id = ${first.id} where id = ${deployment?.id}`);
    expect(await kept()).toEqual(before);
    await expectKeptAsTheRuleSays();
    await run(sql`delete from deployments where id = ${deployment?.id}`);
  });

  it("keeps an expert's rows right when one transaction removes a deployment and another adds one", async () => {
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
        await tx.execute(sql`select refresh_deployed_experts(array[${expertId}]::uuid[])`);
        await pause(150); // the other transaction runs meanwhile, before this one commits
      });
    // The second, still seeing the first deployment, must not keep its Action and year for the expert.
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
