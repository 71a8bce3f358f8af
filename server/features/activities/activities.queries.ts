import { and, asc, eq, gte, inArray, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { cachedCount } from '../../kernel/cache/cached-count.ts';
import type { Db } from '../../kernel/db/database.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { deploymentCountOf } from '../experts/deployments.queries.ts';
import type { ActivityListItem } from './activities.contract.ts';
import { activities } from './activities.table.ts';
import { SETTLED_STATUSES } from './activity-status.ts';

const listColumns = {
  id: activities.id,
  actionId: activities.actionId,
  actionName: actions.name,
  actionStatus: actions.status,
  type: activities.type,
  title: activities.title,
  startDate: activities.startDate,
  endDate: activities.endDate,
  modality: activities.modality,
  city: activities.city,
  countryCode: activities.countryCode,
  workingLanguages: activities.workingLanguages,
  status: activities.status,
  expertCount: deploymentCountOf(activities.id),
};

export type ListedActivityRow = Awaited<ReturnType<typeof selectActivities>>[number];

export function presentActivity(row: ListedActivityRow, lang: Language): ActivityListItem {
  const { actionStatus: _status, title, expertCount, ...fields } = row;
  return { ...fields, title: pickText(title, lang), expertCount: Number(expertCount) };
}

/** Activities with their Action's name and their number of experts, in date order. */
export function selectActivities(db: Db, where: SQL | undefined) {
  return db
    .select(listColumns)
    .from(activities)
    .innerJoin(actions, eq(actions.id, activities.actionId))
    .where(where)
    .orderBy(asc(activities.startDate), asc(activities.id));
}

/** How many activities a filter matches (kept until the portfolio changes). */
export function countActivities(db: Db, where: SQL | undefined): Promise<number> {
  return cachedCount(db, activities, where);
}

/** The whole activity row, with its Action's name and status. */
export async function selectActivityRow(db: Db, where: SQL, lock = false) {
  const query = db
    .select({ activity: activities, actionName: actions.name, actionStatus: actions.status })
    .from(activities)
    .innerJoin(actions, eq(actions.id, activities.actionId))
    .where(where);
  const [row] = lock ? await query.for('update', { of: activities }) : await query;
  return row;
}

/** Activities of an Action that are neither held nor cancelled: they keep it from completing. */
export function selectUnsettledActivities(db: Db, actionId: string) {
  return db
    .select({ id: activities.id, title: activities.title, status: activities.status })
    .from(activities)
    .where(and(eq(activities.actionId, actionId), notInArray(activities.status, [...SETTLED_STATUSES])))
    .orderBy(asc(activities.startDate));
}

export async function activityCounts(db: Db, actionId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      held: sql<number>`count(*) filter (where ${inArray(activities.status, ['held', 'reported'])})::int`,
    })
    .from(activities)
    .where(eq(activities.actionId, actionId));
  return { total: row?.total ?? 0, held: row?.held ?? 0 };
}

/**
 * Activities that overlap the period from–to. An activity that ends on or after `from` started at most
 * the longest activity's duration before it: saying so bounds the start date, so the index on the
 * dates is read from there, not from the first activity ever (the longest duration is one look-up
 * in its own index; with no activities it is null and nothing matches, as it should).
 */
export const withinDates = (from?: string, to?: string) =>
  and(
    from ? gte(activities.endDate, from) : undefined,
    from
      ? sql`${activities.startDate} >= ${from}::date - (select max(${activities.endDate} - ${activities.startDate}) from ${activities})`
      : undefined,
    to ? lte(activities.startDate, to) : undefined,
  );
