import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, readsWholePortfolio, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { pickText } from '../../kernel/localized.ts';
import { recordActionEvent } from '../actions/action-events.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { loadVisibleActivity } from '../activities/activity-access.ts';
import { assertActivityOpen } from '../activities/activity-status.ts';
import type { AssignExpertBody, DeploymentView } from './deployments.contract.ts';
import { findOverlappingBooking, selectDeploymentsOfActivity } from './deployments.queries.ts';
import { deploymentFeedback, deployments } from './deployments.table.ts';
import { experts } from './experts.table.ts';

const STAFF = ['admin', 'officer'] as const;

/**
 * The experts on an activity as the caller may see them: staff and steering by name (with the
 * feedback), an expert their own name only, a partner only the experts' countries and roles.
 */
export async function deploymentsOfActivity(
  db: Db,
  actor: Actor,
  activityId: string,
): Promise<DeploymentView[]> {
  const rows = await selectDeploymentsOfActivity(db, activityId);
  const named = readsWholePortfolio(actor);
  return rows.map((row) => {
    const visible = named || (actor.role === 'expert' && row.expertUserId === actor.id);
    return {
      id: row.id,
      expertId: visible ? row.expertId : null,
      expertName: visible ? row.expertName : null,
      expertCountry: row.expertCountry,
      role: row.role,
      days: row.days,
      feedback: named && row.score !== null ? { score: row.score, comment: row.comment ?? '' } : null,
    };
  });
}

export async function isDeployedOn(db: Db, userId: string, activityId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deployments.id })
    .from(deployments)
    .innerJoin(experts, eq(experts.id, deployments.expertId))
    .where(and(eq(deployments.activityId, activityId), eq(experts.userId, userId)));
  return Boolean(row);
}

function doubleBooked(
  expertName: string,
  booking: NonNullable<Awaited<ReturnType<typeof findOverlappingBooking>>>,
) {
  const title = pickText(booking.title, 'en');
  return new AppError(
    'EXPERT_DOUBLE_BOOKED',
    `${expertName} is already deployed on "${title}" (${booking.actionName}) from ${booking.startDate} to ${booking.endDate}, which overlaps these dates`,
    [
      {
        field: 'expertId',
        message: `is deployed on activity ${booking.activityId} ("${title}", ${booking.actionName})`,
      },
    ],
  );
}

/** Before an activity takes new dates: every expert on it must be free on them. */
export async function assertNoDoubleBooking(
  tx: Db,
  activityId: string,
  dates: { startDate: string; endDate: string },
) {
  const onActivity = await tx
    .select({ expertId: deployments.expertId, name: experts.fullName })
    .from(deployments)
    .innerJoin(experts, eq(experts.id, deployments.expertId))
    .where(eq(deployments.activityId, activityId));
  for (const expert of onActivity) {
    const booking = await findOverlappingBooking(tx, expert.expertId, {
      ...dates,
      exceptActivityId: activityId,
    });
    if (booking) throw doubleBooked(expert.name, booking);
  }
}

/** Deploys an expert on an activity; an expert busy on overlapping dates is refused (409). */
export async function assignExpert(
  db: Db,
  actor: Actor | null,
  activityId: string,
  body: AssignExpertBody,
): Promise<DeploymentView> {
  return db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, activityId, {
      lock: true,
    });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    const title = pickText(activity.title, 'en');
    assertActivityOpen({ status: activity.status, title });
    // Locking the expert serialises concurrent assignments of the same person.
    const [expert] = await tx
      .select({ id: experts.id, name: experts.fullName, countryCode: experts.countryCode })
      .from(experts)
      .where(eq(experts.id, body.expertId))
      .for('update');
    if (!expert) throw notFound('Expert');
    const [already] = await tx
      .select({ id: deployments.id })
      .from(deployments)
      .where(and(eq(deployments.activityId, activityId), eq(deployments.expertId, expert.id)));
    if (already) {
      throw new AppError('EXPERT_ALREADY_ASSIGNED', `${expert.name} is already deployed on "${title}"`);
    }
    const booking = await findOverlappingBooking(tx, expert.id, {
      ...activity,
      exceptActivityId: activityId,
    });
    if (booking) throw doubleBooked(expert.name, booking);
    const [row] = await tx
      .insert(deployments)
      .values({ expertId: expert.id, activityId, role: body.role, days: body.days, createdBy: staff.id })
      .returning();
    if (!row) throw new Error('the deployment was not inserted');
    await recordActionEvent(tx, {
      actionId: activity.actionId,
      actorId: staff.id,
      kind: 'expert.deployed',
      subjectType: 'deployment',
      subjectId: row.id,
      label: title,
      details: { role: body.role, days: body.days, country: expert.countryCode, activityId },
    });
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'deployment.create',
      entityType: 'deployment',
      entityId: row.id,
      changes: { expertId: expert.id, activityId, role: body.role, days: body.days },
    });
    return {
      id: row.id,
      expertId: expert.id,
      expertName: expert.name,
      expertCountry: expert.countryCode,
      role: row.role,
      days: row.days,
      feedback: null,
    };
  });
}

export async function withdrawExpert(db: Db, actor: Actor | null, activityId: string, expertId: string) {
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, activityId, {
      lock: true,
    });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    assertActivityOpen({ status: activity.status, title: pickText(activity.title, 'en') });
    const [removed] = await tx
      .delete(deployments)
      .where(and(eq(deployments.activityId, activityId), eq(deployments.expertId, expertId)))
      .returning();
    if (!removed) throw notFound('Deployment');
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'deployment.delete',
      entityType: 'deployment',
      entityId: removed.id,
      changes: { expertId, activityId },
    });
  });
}

/** The facility's feedback on an expert's deployment, once the activity is held; written once. */
export async function recordFeedback(
  db: Db,
  actor: Actor | null,
  activityId: string,
  expertId: string,
  feedback: { score: number; comment: string },
) {
  await db.transaction(async (tx) => {
    const { activity } = await loadVisibleActivity(tx, actor, activityId, { lock: true });
    const staff = requireRole(actor, STAFF);
    if (activity.status !== 'held' && activity.status !== 'reported') {
      throw new AppError('FEEDBACK_NOT_OPEN', 'Feedback is written once the activity has been held');
    }
    const [deployment] = await tx
      .select({ id: deployments.id, feedback: deploymentFeedback.deploymentId })
      .from(deployments)
      .leftJoin(deploymentFeedback, eq(deploymentFeedback.deploymentId, deployments.id))
      .where(and(eq(deployments.activityId, activityId), eq(deployments.expertId, expertId)));
    if (!deployment) throw notFound('Deployment');
    if (deployment.feedback) {
      throw new AppError('FEEDBACK_NOT_OPEN', 'Feedback on this deployment has already been written');
    }
    await tx
      .insert(deploymentFeedback)
      .values({ deploymentId: deployment.id, ...feedback, givenBy: staff.id });
    await tx
      .update(experts)
      .set({
        feedbackCount: sql`${experts.feedbackCount} + 1`,
        feedbackScoreSum: sql`${experts.feedbackScoreSum} + ${feedback.score}`,
      })
      .where(eq(experts.id, expertId));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'deployment.feedback',
      entityType: 'deployment',
      entityId: deployment.id,
      changes: { score: feedback.score },
    });
  });
}
