import { activities } from '../features/activities/activities.table.ts';
import { attendance, participations, people } from '../features/participants/participants.table.ts';
import type { Db } from '../kernel/db/database.ts';

/** The day `i` days after `start` (YYYY-MM-DD). */
export const dayAfter = (start: string, i: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);

export type ActivityType = 'training' | 'training_of_trainers' | 'workshop';
export type ActivityStatus = 'held' | 'reported' | 'planned' | 'confirmed';

/** An activity of an Action from `start` for `days` days, with those days for its register. */
export async function insertActivity(
  db: Db,
  {
    actionId,
    type,
    status,
    start,
    days,
  }: { actionId: string; type: ActivityType; status: ActivityStatus; start: string; days: number },
) {
  const [row] = await db
    .insert(activities)
    .values({
      actionId,
      type,
      status,
      title: { en: `A ${type}` },
      startDate: start,
      endDate: dayAfter(start, days - 1),
      modality: 'online',
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity not inserted');
  return { id: row.id, days: Array.from({ length: days }, (_, i) => dayAfter(start, i)) };
}

let trainees = 0;
/** A new person who can be trained, numbered in the order made (`Trainee 1`, …). */
export async function insertTrainee(
  db: Db,
  sex: 'female' | 'male' | 'other',
  positionLevel: 'junior' | 'trainer' = 'junior',
) {
  trainees += 1;
  const [row] = await db
    .insert(people)
    .values({
      fullName: `Trainee ${trainees}`,
      nameKey: `trainee ${trainees}`,
      institutionName: 'Border post',
      sex,
      positionLevel,
      lawfulBasis: 'public_task',
    })
    .returning({ id: people.id });
  if (!row) throw new Error('person not inserted');
  return row.id;
}

/** A person's participation in an activity, present on its first `present` days: its id. */
export async function attend(
  db: Db,
  personId: string,
  activity: { id: string; days: string[] },
  present: number,
  role: 'participant' | 'trainer' = 'participant',
) {
  const [row] = await db
    .insert(participations)
    .values({ personId, activityId: activity.id, role })
    .returning({ id: participations.id });
  if (!row) throw new Error('participation not inserted');
  await db
    .insert(attendance)
    .values(activity.days.map((day, i) => ({ participationId: row.id, day, present: i < present })));
  return row.id;
}
