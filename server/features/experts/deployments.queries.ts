import { and, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, qualified } from '../../kernel/db/database.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { activities } from '../activities/activities.table.ts';
import { BOOKING_STATUSES } from '../activities/activity-status.ts';
import { deploymentFeedback, deployments } from './deployments.table.ts';
import { experts } from './experts.table.ts';

/** The number of experts deployed on the activity whose id is in `activityId`. */
export function deploymentCountOf(activityId: AnyPgColumn): SQL<number> {
  return sql<number>`(select count(*) from ${deployments} where ${deployments.activityId} = ${qualified(activityId)})::int`;
}

export async function deployedDaysOf(db: Db, actionId: string): Promise<number> {
  const [row] = await db
    .select({ days: sql<number>`coalesce(sum(${deployments.days}), 0)::int` })
    .from(deployments)
    .innerJoin(activities, eq(activities.id, deployments.activityId))
    .where(and(eq(activities.actionId, actionId), ne(activities.status, 'cancelled')));
  return row?.days ?? 0;
}

export function selectDeploymentsOfActivity(db: Db, activityId: string) {
  return db
    .select({
      id: deployments.id,
      expertId: deployments.expertId,
      expertName: experts.fullName,
      expertUserId: experts.userId,
      expertCountry: experts.countryCode,
      role: deployments.role,
      days: deployments.days,
      score: deploymentFeedback.score,
      comment: deploymentFeedback.comment,
    })
    .from(deployments)
    .innerJoin(experts, eq(experts.id, deployments.expertId))
    .leftJoin(deploymentFeedback, eq(deploymentFeedback.deploymentId, deployments.id))
    .where(eq(deployments.activityId, activityId))
    .orderBy(deployments.createdAt);
}

export interface Booking {
  activityId: string;
  title: LocalizedText;
  startDate: string;
  endDate: string;
  actionName: string;
}

/**
 * Another activity that holds the expert on dates overlapping [start, end]: a double booking.
 * Postponed and cancelled activities hold no dates.
 */
export async function findOverlappingBooking(
  db: Db,
  expertId: string,
  range: { startDate: string; endDate: string; exceptActivityId: string },
): Promise<Booking | undefined> {
  const [row] = await db
    .select({
      activityId: activities.id,
      title: activities.title,
      startDate: activities.startDate,
      endDate: activities.endDate,
      actionName: actions.name,
    })
    .from(deployments)
    .innerJoin(activities, eq(activities.id, deployments.activityId))
    .innerJoin(actions, eq(actions.id, activities.actionId))
    .where(
      and(
        eq(deployments.expertId, expertId),
        ne(activities.id, range.exceptActivityId),
        inArray(activities.status, [...BOOKING_STATUSES]),
        lte(activities.startDate, range.endDate),
        gte(activities.endDate, range.startDate),
      ),
    )
    .orderBy(activities.startDate)
    .limit(1);
  return row;
}

/** How many women and men are deployed on an Action's activities (cancelled ones aside). */
export async function teamGenderCounts(db: Db, actionId: string) {
  const rows = await db
    .select({ gender: experts.gender, count: sql<number>`count(*)::int` })
    .from(deployments)
    .innerJoin(activities, eq(activities.id, deployments.activityId))
    .innerJoin(experts, eq(experts.id, deployments.expertId))
    .where(and(eq(activities.actionId, actionId), ne(activities.status, 'cancelled')))
    .groupBy(experts.gender);
  const count = (gender: string) => rows.find((row) => row.gender === gender)?.count ?? 0;
  return { female: count('female'), male: count('male') };
}
