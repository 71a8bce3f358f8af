import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../kernel/db/database.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { actionIdOf } from '../../test/requests.ts';
import { activities } from '../activities/activities.table.ts';
import {
  addBySex,
  countTrainedBreakdowns,
  countTrainedBySex,
  emptyCounts,
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

type Kind = 'training' | 'training_of_trainers' | 'workshop';
type Status = 'held' | 'reported' | 'planned' | 'confirmed';

async function activity(actionId: string, type: Kind, status: Status, days = 5) {
  const start = '2026-05-11';
  const end = new Date(Date.parse(`${start}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const [row] = await t.database.db
    .insert(activities)
    .values({
      actionId,
      type,
      status,
      title: { en: `Test ${type}` },
      startDate: start,
      endDate: end,
      modality: 'online',
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity not inserted');
  return { id: row.id, days: Array.from({ length: days }, (_, i) => dayOf(start, i)) };
}
const dayOf = (start: string, i: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);

let seq = 0;
async function person(sex: 'female' | 'male' | 'other', positionLevel: 'junior' | 'trainer' = 'junior') {
  seq += 1;
  const [row] = await t.database.db
    .insert(people)
    .values({
      fullName: `Test Person ${seq}`,
      nameKey: `test person ${seq}`,
      institutionName: 'Test institution',
      sex,
      positionLevel,
      lawfulBasis: 'public_task',
    })
    .returning({ id: people.id });
  if (!row) throw new Error('person not inserted');
  return row.id;
}

async function attend(
  personId: string,
  act: { id: string; days: string[] },
  present: number,
  role: 'participant' | 'trainer' = 'participant',
) {
  const [row] = await t.database.db
    .insert(participations)
    .values({ personId, activityId: act.id, role })
    .returning({ id: participations.id });
  if (!row) throw new Error('participation not inserted');
  await t.database.db
    .insert(attendance)
    .values(act.days.map((day, i) => ({ participationId: row.id, day, present: i < present })));
  return row.id;
}

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
    const longer = dayOf(training.days[0] as string, 5);
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
});
