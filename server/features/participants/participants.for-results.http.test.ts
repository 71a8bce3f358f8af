import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { actionIdOf } from '../../test/requests.ts';
import { activities } from '../activities/activities.table.ts';
import { countOfficialsTrained } from './participants.for-results.ts';
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

    const all = await countOfficialsTrained(t.database.db, { actionIds: [ghanaId, peruId] });
    expect(all.officials.total).toEqual({ female: 3, male: 1, other: 0, total: 4 });
    expect(all.officials.byAction).toEqual(
      expect.arrayContaining([
        { actionId: ghanaId, female: 2, male: 1, other: 0, total: 3 },
        { actionId: peruId, female: 2, male: 0, other: 0, total: 2 },
      ]),
    );
    expect(all.trainers.total).toEqual({ female: 1, male: 0, other: 0, total: 1 });
    expect(all.trainers.byAction).toEqual([{ actionId: ghanaId, female: 1, male: 0, other: 0, total: 1 }]);

    const peruOnly = await countOfficialsTrained(t.database.db, { actionIds: [peruId] });
    expect(peruOnly.officials.total.total).toBe(2);
    expect(peruOnly.officials.byAction.map((a) => a.actionId)).toEqual([peruId]);
    expect(peruOnly.trainers.total.total).toBe(0);

    const none = await countOfficialsTrained(t.database.db, { actionIds: [] });
    expect(none.officials.total.total).toBe(0);
  });
});
