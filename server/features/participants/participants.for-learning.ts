import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import { ofActions, trainedParticipationsWhere } from './participants.for-results.ts';
import { type ParticipationRole, participations, people, type Sex } from './participants.table.ts';

/**
 * What learning (tests, evaluations) and dated results read of participants. The rule of who was
 * trained is the one of participants.for-results.ts; here each trained person comes with the day
 * the training ended, so that results can count them per reporting period and per year.
 */

export interface RosterEntry {
  participationId: string;
  personId: string;
  fullName: string;
  sex: Sex;
  institutionId: string | null;
  role: ParticipationRole;
}

/** The people registered for one activity, with their role. */
export async function activityRoster(db: Db, activityId: string): Promise<RosterEntry[]> {
  return db
    .select({
      participationId: participations.id,
      personId: people.id,
      fullName: people.fullName,
      sex: people.sex,
      institutionId: people.institutionId,
      role: participations.role,
    })
    .from(participations)
    .innerJoin(people, eq(people.id, participations.personId))
    .where(eq(participations.activityId, activityId))
    .orderBy(people.fullName);
}

/** The activity of a participation, or undefined. */
export async function participationActivity(db: Db, participationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ activityId: participations.activityId })
    .from(participations)
    .where(and(eq(participations.id, participationId)));
  return row?.activityId;
}

export interface TrainedPerson {
  actionId: string;
  activityId: string;
  personId: string;
  sex: Sex;
  /** The last day of the training, YYYY-MM-DD. */
  endDate: string;
  /** A trainer trained: position level trainer, in a training of trainers. */
  isTrainer: boolean;
}

/** Every person trained in the held trainings of some Actions, one row per training. */
export async function trainedPeopleDated(db: Db, actionIds: readonly string[]): Promise<TrainedPerson[]> {
  if (actionIds.length === 0) return [];
  const rows = await queryRows<TrainedPerson>(
    db,
    sql`
    select t.action_id as "actionId", t.activity_id as "activityId", t.person_id as "personId", t.sex,
      t.end_date::text as "endDate", t.is_trainer as "isTrainer"
    from (${trainedParticipationsWhere(ofActions(actionIds))}) t
    order by t.end_date, t.person_id`,
  );
  return rows.map((r) => ({ ...r, isTrainer: r.isTrainer === true || (r.isTrainer as unknown) === 't' }));
}
