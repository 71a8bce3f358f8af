import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../kernel/db/database.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { actionIdOf } from '../../test/requests.ts';
import {
  type ActivityStatus,
  type ActivityType,
  attend as attendAs,
  dayAfter,
  insertActivity,
  insertTrainee,
} from '../../test/trainings.ts';
import { actionRegionKeys, actionsMatching, actionTopicKeys } from '../actions/actions.for-results.ts';
import { actionCountries, actionTopics } from '../actions/actions.table.ts';
import { activities } from '../activities/activities.table.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import {
  addBySex,
  countTrainedBreakdowns,
  countTrainedBySex,
  emptyCounts,
  keptFilterOf,
  keptTrainedBreakdowns,
  keptTrainedBySex,
  type TrainedBreakdownRow,
} from './participants.for-results.ts';
import { attendance, participations, people } from './participants.table.ts';

let t: TestApp;
let ghanaId: string;
let peruId: string;

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.signIn('officer@demo.tandem.test');
  ghanaId = await actionIdOf(t, officer, 'Ghana III');
  peruId = await actionIdOf(t, officer, 'Peru III');
});
afterAll(() => t.close());

/** A test activity of an Action, starting on 11 May 2026. */
const activity = (actionId: string, type: ActivityType, status: ActivityStatus, days = 5) =>
  insertActivity(t.database.db, { actionId, type, status, start: '2026-05-11', days });
const person = (sex: 'female' | 'male' | 'other', positionLevel: 'junior' | 'trainer' = 'junior') =>
  insertTrainee(t.database.db, sex, positionLevel);
const attend = (
  personId: string,
  act: { id: string; days: string[] },
  present: number,
  role: 'participant' | 'trainer' = 'participant',
) => attendAs(t.database.db, personId, act, present, role);

/** The Actions of these ids, as the readers of trained people select them: a statement. */
const actionsOf = (ids: string[]) =>
  ids.length === 0
    ? sql`select id from actions where false`
    : sql`select id from actions where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
/** Officials trained in these Actions, by sex, as the dashboard counts them. */
const officials = (ids: string[]) => countTrainedBySex(t.database.db, actionsOf(ids));
/** Trainers trained in these Actions, by sex, as the portfolio results count them. */
async function trainers(ids: string[]) {
  const noKeys = sql`select null::uuid as action_id, null::text as key where false`;
  const rows = await countTrainedBreakdowns(t.database.db, actionsOf(ids), {
    regionKeys: noKeys,
    topicKeys: noKeys,
  });
  const counts = emptyCounts();
  for (const row of rows) if (row.breakdown === 'trainers') addBySex(counts, row.sex, row.people);
  return counts;
}

describe('officials and trainers trained', () => {
  it('count participants with at least 80% attendance of held trainings, by sex and per Action', async () => {
    const training = await activity(ghanaId, 'training', 'held', 5);
    const tot = await activity(ghanaId, 'training_of_trainers', 'reported', 5);
    const planned = await activity(ghanaId, 'training', 'planned', 5);
    const workshop = await activity(ghanaId, 'workshop', 'held', 5);
    const peruTraining = await activity(peruId, 'training', 'held', 4);

    const amina = await person('female');
    const kofi = await person('male');
    const esi = await person('female');
    const trainerAma = await person('female', 'trainer');
    const trainerYaw = await person('male', 'trainer');
    const lucia = await person('female');

    await attend(amina, training, 4); // 80%: trained
    await attend(amina, tot, 5); // the same person again in the same Action: counted once
    await attend(kofi, training, 3); // 60%: not trained
    await attend(kofi, planned, 5); // not held: not counted
    await attend(kofi, workshop, 5); // not a training: not counted
    await attend(esi, training, 5, 'trainer'); // a trainer's role, not a participant
    await attend(trainerAma, tot, 5); // a trainer trained
    await attend(trainerYaw, training, 5); // trained, but not in a training of trainers
    await attend(lucia, peruTraining, 4); // 100% of four days
    await attend(amina, peruTraining, 4); // in a second Action: counts there, once in the total

    expect(await officials([ghanaId, peruId])).toEqual({ female: 3, male: 1, other: 0, total: 4 });
    expect(await officials([ghanaId])).toEqual({ female: 2, male: 1, other: 0, total: 3 });
    expect(await officials([peruId])).toEqual({ female: 2, male: 0, other: 0, total: 2 });
    expect(await trainers([ghanaId, peruId])).toEqual({ female: 1, male: 0, other: 0, total: 1 });
    expect(await trainers([ghanaId])).toEqual({ female: 1, male: 0, other: 0, total: 1 });
    expect((await trainers([peruId])).total).toBe(0);
    expect((await officials([])).total).toBe(0);
  });
});

/** Breakdown rows in one order, to compare two ways of counting them. */
const sorted = (rows: TrainedBreakdownRow[]) =>
  rows
    .map((row) => `${row.breakdown} ${row.key ?? ''} ${row.sex} ${row.people}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The people counts the database keeps, for the whole portfolio and under every filter it keeps, are
 * what counting the trained participations gives now, and each person's keys are what the rule says.
 */
async function expectPeopleCountsAsTheRuleSays() {
  const db = t.database.db;
  // Every region, topic and year someone was trained in, and whatever the counts hold.
  const filters = await queryRows<{ filter: string }>(
    db,
    sql`select 'region=' || c.region_code as filter
          from trained_participations t join action_countries ac on ac.action_id = t.action_id
          join countries c on c.code = ac.country_code
        union select 'topic=' || at.topic_code from trained_participations t join action_topics at on at.action_id = t.action_id
        union select 'year=' || extract(year from end_date)::int from trained_participations
        union select filter from trained_people_counts
        union select ''
        order by filter`,
  );
  expect(filters.length).toBeGreaterThan(1);
  for (const { filter } of filters) {
    const [criterion, value] = filter.split('=');
    const selection: { region?: string; topic?: string; year?: number } =
      criterion === 'region' || criterion === 'topic'
        ? { [criterion]: value }
        : { year: Number(value) || undefined };
    const counted = await countTrainedBreakdowns(
      db,
      actionsMatching({ region: selection.region, topic: selection.topic }),
      { year: selection.year, regionKeys: actionRegionKeys, topicKeys: actionTopicKeys },
    );
    expect(keptFilterOf(selection), filter).toBe(filter);
    expect(sorted(await keptTrainedBreakdowns(db, filter)), filter).toEqual(sorted(counted));
  }
  const differ = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          (select person_id, sex, unnest(keys) from trained_people_key_sets
           except select person_id, sex, filter || '|' || breakdown || '|' || key from trained_people_key_rule)
          union all
          (select person_id, sex, filter || '|' || breakdown || '|' || key from trained_people_key_rule
           except select person_id, sex, unnest(keys) from trained_people_key_sets)) d`,
  );
  expect(differ[0]?.n).toBe(0);
}

describe('the trained participations the database keeps', () => {
  /** The kept rows are exactly what the rule gives now, whatever changed since. */
  async function expectKeptAsTheRuleSays() {
    const kept = await queryRows(
      t.database.db,
      sql`select * from trained_participations order by participation_id`,
    );
    const rule = await queryRows(
      t.database.db,
      sql`select * from trained_participation_rule order by participation_id`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rule);
    await expectPeopleCountsAsTheRuleSays();
  }
  const ghanaOfficials = async () => (await officials([ghanaId])).total;
  const ghanaTrainers = async () => (await trainers([ghanaId])).total;

  it('follows every change to attendance, participations, activities and people', async () => {
    await expectKeptAsTheRuleSays();
    const training = await activity(ghanaId, 'training', 'held', 5);
    const kwame = await person('male');
    const kwameIn = await attend(kwame, training, 3); // 60%: not trained
    const before = await ghanaOfficials();

    // Attendance: a fourth day marked present trains him; deleting a day he came undoes it, and
    // recording it again trains him again.
    await t.database.db
      .update(attendance)
      .set({ present: true })
      .where(and(eq(attendance.participationId, kwameIn), eq(attendance.day, training.days[3] as string)));
    expect(await ghanaOfficials()).toBe(before + 1);
    await expectKeptAsTheRuleSays();
    await t.database.db
      .delete(attendance)
      .where(and(eq(attendance.participationId, kwameIn), eq(attendance.day, training.days[0] as string)));
    expect(await ghanaOfficials()).toBe(before);
    await t.database.db
      .insert(attendance)
      .values({ participationId: kwameIn, day: training.days[0] as string, present: true });
    expect(await ghanaOfficials()).toBe(before + 1);

    // The participation: as a speaker he is not a participant trained.
    await t.database.db.update(participations).set({ role: 'speaker' }).where(eq(participations.id, kwameIn));
    expect(await ghanaOfficials()).toBe(before);
    await t.database.db
      .update(participations)
      .set({ role: 'participant' })
      .where(eq(participations.id, kwameIn));
    expect(await ghanaOfficials()).toBe(before + 1);

    // The activity: longer, planned again, not a training, or moved to another Action.
    const longer = dayAfter(training.days[0] as string, 5);
    await t.database.db.update(activities).set({ endDate: longer }).where(eq(activities.id, training.id));
    expect(await ghanaOfficials()).toBe(before); // 4 of 6 days
    await expectKeptAsTheRuleSays();
    await t.database.db
      .update(activities)
      .set({ endDate: training.days[4] as string })
      .where(eq(activities.id, training.id));
    expect(await ghanaOfficials()).toBe(before + 1);
    await t.database.db.update(activities).set({ status: 'planned' }).where(eq(activities.id, training.id));
    expect(await ghanaOfficials()).toBe(before);
    await t.database.db.update(activities).set({ status: 'held' }).where(eq(activities.id, training.id));
    await t.database.db.update(activities).set({ type: 'workshop' }).where(eq(activities.id, training.id));
    expect(await ghanaOfficials()).toBe(before);
    const peruOfficials = async () => (await officials([peruId])).total;
    const inPeru = await peruOfficials();
    await t.database.db
      .update(activities)
      .set({ type: 'training_of_trainers', actionId: peruId })
      .where(eq(activities.id, training.id));
    expect(await ghanaOfficials()).toBe(before);
    expect(await peruOfficials()).toBe(inPeru + 1);
    await t.database.db.update(activities).set({ actionId: ghanaId }).where(eq(activities.id, training.id));
    expect(await ghanaOfficials()).toBe(before + 1);
    await expectKeptAsTheRuleSays();

    // The person: a trainer's position level in a training of trainers makes a trainer trained,
    // and the counts by sex follow his record.
    const trainers = await ghanaTrainers();
    await t.database.db.update(people).set({ positionLevel: 'trainer' }).where(eq(people.id, kwame));
    expect(await ghanaTrainers()).toBe(trainers + 1);
    const other = async () => (await officials([ghanaId])).other;
    const othersBefore = await other();
    await t.database.db.update(people).set({ sex: 'other' }).where(eq(people.id, kwame));
    expect(await other()).toBe(othersBefore + 1);
    await expectKeptAsTheRuleSays();

    // Deleting the participation, or the activity, takes the row with it.
    await t.database.db.delete(participations).where(eq(participations.id, kwameIn));
    expect(await ghanaOfficials()).toBe(before);
    const second = await activity(ghanaId, 'training', 'held', 2);
    await attend(kwame, second, 2);
    expect(await ghanaOfficials()).toBe(before + 1);
    await t.database.db.delete(activities).where(eq(activities.id, second.id));
    expect(await ghanaOfficials()).toBe(before);
    await expectKeptAsTheRuleSays();
  });
});

describe('the people trained in the whole portfolio, kept by the database', () => {
  const keptOfficials = () => keptTrainedBySex(t.database.db, '');
  const topicCount = async (topic: string) =>
    (await keptTrainedBreakdowns(t.database.db, ''))
      .filter((row) => row.breakdown === 'topic' && row.key === topic)
      .reduce((sum, row) => sum + row.people, 0);

  it("follow the Actions' topics and countries, and a country moving to another region", async () => {
    const training = await activity(peruId, 'training', 'held', 2);
    const rosa = await person('female');
    await attend(rosa, training, 2);
    await expectPeopleCountsAsTheRuleSays();

    // A topic added to the Action counts its people under it; removed, they leave it.
    const [present] = await queryRows<{ topic: string }>(
      t.database.db,
      sql`select code as topic from topics where code not in (select topic_code from action_topics where action_id = ${peruId}) order by code limit 1`,
    );
    const topic = present?.topic as string;
    const before = await topicCount(topic);
    await t.database.db.insert(actionTopics).values({ actionId: peruId, topicCode: topic });
    expect(await topicCount(topic)).toBeGreaterThan(before);
    await expectPeopleCountsAsTheRuleSays();
    await t.database.db
      .delete(actionTopics)
      .where(and(eq(actionTopics.actionId, peruId), eq(actionTopics.topicCode, topic)));
    expect(await topicCount(topic)).toBe(before);
    await expectPeopleCountsAsTheRuleSays();

    // A country added in another region, then its region changed, then the country removed.
    const [other] = await queryRows<{ code: string; region: string }>(
      t.database.db,
      sql`select c.code, c.region_code as region from countries c
           where c.region_code not in (select c2.region_code from action_countries ac join countries c2 on c2.code = ac.country_code
                                        where ac.action_id = ${peruId})
           order by c.code limit 1`,
    );
    const code = other?.code as string;
    await t.database.db.insert(actionCountries).values({ actionId: peruId, countryCode: code });
    await expectPeopleCountsAsTheRuleSays();
    const [peruRegion] = await queryRows<{ region: string }>(
      t.database.db,
      sql`select region_code as region from countries where code = 'PE'`,
    );
    await t.database.db
      .update(countries)
      .set({ regionCode: peruRegion?.region as string })
      .where(eq(countries.code, code));
    await expectPeopleCountsAsTheRuleSays();
    await t.database.db
      .update(countries)
      .set({ regionCode: other?.region as string })
      .where(eq(countries.code, code));
    await t.database.db
      .delete(actionCountries)
      .where(and(eq(actionCountries.actionId, peruId), eq(actionCountries.countryCode, code)));
    await expectPeopleCountsAsTheRuleSays();

    // Many changes later the rows of changes are summed into one per key (beyond 20,000 rows), and
    // the counts stay the same.
    const officials = await keptOfficials();
    const changeRows = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from trained_people_counts`,
        )
      )[0]?.n as number;
    // Each toggle appends rows, until one finds more than 20,000 and sums them (not at 1,000, as before).
    let rows = await changeRows();
    for (let toggles = 0; toggles < 2000; toggles++) {
      await t.database.db.insert(actionTopics).values({ actionId: peruId, topicCode: topic });
      await t.database.db
        .delete(actionTopics)
        .where(and(eq(actionTopics.actionId, peruId), eq(actionTopics.topicCode, topic)));
      const now = await changeRows();
      if (now < rows) break;
      rows = now;
    }
    expect(rows).toBeGreaterThan(10_000);
    expect(await changeRows()).toBeLessThan(rows);
    expect(await keptOfficials()).toEqual(officials);
    await expectPeopleCountsAsTheRuleSays();
  });
});

describe('two writers marking the same register at once', () => {
  it('counts a participant whom neither made trained alone', async () => {
    const training = await activity(ghanaId, 'training', 'held', 5);
    const abena = await person('female');
    const abenaIn = await attend(abena, training, 2); // 40%
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const markPresent = (day: string) =>
      t.database.db.transaction(async (tx) => {
        await tx
          .update(attendance)
          .set({ present: true })
          .where(and(eq(attendance.participationId, abenaIn), eq(attendance.day, day)));
        await pause(150); // the other writer starts meanwhile, before this one commits
      });
    // Each alone makes 60%; together 80%. On PostgreSQL the second waits for the first to commit,
    // then applies the rule to both days.
    await Promise.all([
      markPresent(training.days[2] as string),
      pause(40).then(() => markPresent(training.days[3] as string)),
    ]);
    const trained = await queryRows(
      t.database.db,
      sql`select 1 from trained_participations where participation_id = ${abenaIn}`,
    );
    expect(trained).toHaveLength(1);
  });

  it("keep a person's keys right when one transaction takes away her training in one Action and another adds one in a second", async () => {
    // In the app, every writer of these tables also moves the cache's version row, and so waits for
    // the others (kernel/cache); the trained participations are written here directly, so that only
    // the recount's own lock on the person orders the two transactions.
    const first = await activity(ghanaId, 'training', 'held', 2);
    const second = await activity(peruId, 'training', 'held', 2);
    const yaa = await person('other');
    const inFirst = await attend(yaa, first, 2); // trained in Ghana (Africa)
    const inSecond = await attend(yaa, second, 2); // and in Peru (Latin America)
    const db = t.database.db;
    await db.execute(sql`delete from trained_participations where participation_id = ${inSecond}`);
    await expectPeopleCountsAsTheRuleSays();
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const inTransaction = (statement: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        await tx.execute(statement);
        await pause(150); // the other transaction runs meanwhile, before this one commits
      });
    // The second, still seeing her trained in Ghana, must not keep Africa for her: it waits for the
    // first to commit, then recounts her from what is there.
    await Promise.all([
      inTransaction(sql`delete from trained_participations where participation_id = ${inFirst}`),
      pause(40).then(() =>
        inTransaction(
          sql`insert into trained_participations select * from trained_participation_rule where participation_id = ${inSecond}`,
        ),
      ),
    ]);
    await expectPeopleCountsAsTheRuleSays();
    await db.execute(sql`select refresh_trained_participations(array[${inFirst}]::uuid[])`);
    await expectPeopleCountsAsTheRuleSays();
  });
});
