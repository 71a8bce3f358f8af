import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { pickText } from '../../kernel/localized.ts';
import { selectUnsettledActivities } from '../activities/activities.queries.ts';
import { todayIso } from '../activities/activity-status.ts';
import { loadVisibleAction } from './action-access.ts';
import { actionDesigns } from './action-design.table.ts';
import { recordActionEvent } from './action-events.ts';
import { type ActionVerb, nextActionStatus, verbsNeedingReason } from './action-status.ts';
import { actions } from './actions.table.ts';

const STAFF = ['admin', 'officer'] as const;
const eventOf: Record<ActionVerb, string> = {
  start: 'action.started',
  close: 'action.closing',
  complete: 'action.completed',
  suspend: 'action.suspended',
  resume: 'action.resumed',
  cancel: 'action.cancelled',
};

/** Applies a verb to an Action (staff), with its guards, in one transaction. */
export async function transitionAction(
  db: Db,
  actor: Actor | null,
  id: string,
  verb: ActionVerb,
  reason: string | undefined,
) {
  return db.transaction(async (tx) => {
    const action = await loadVisibleAction(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    const [design] = await tx.select().from(actionDesigns).where(eq(actionDesigns.actionId, id));
    const next = nextActionStatus(verb, { ...action, suspendedFrom: design?.suspendedFrom ?? null });
    if (verbsNeedingReason.includes(verb) && !reason) {
      throw new AppError('VALIDATION_FAILED', `To ${verb} an Action, say why`, [
        { field: 'reason', message: 'is required' },
      ]);
    }
    if (verb === 'complete') {
      const open = await selectUnsettledActivities(tx, id);
      if (open.length > 0) {
        const list = open.map((a) => `"${pickText(a.title, 'en')}" (${a.status})`).join(', ');
        throw new AppError(
          'ACTION_HAS_OPEN_ACTIVITIES',
          `${action.name} cannot complete while ${open.length} of its activities are neither held nor cancelled: ${list}`,
          open.map((a) => ({ field: `activities.${a.id}`, message: `is ${a.status}` })),
        );
      }
      if (!design?.closingSummary.trim()) {
        throw new AppError(
          'CLOSING_SUMMARY_REQUIRED',
          `${action.name} completes with its closing summary; write it in the design first`,
          [{ field: 'closingSummary', message: 'is required to complete' }],
        );
      }
    }
    const today = todayIso();
    const [updated] = await tx
      .update(actions)
      .set({
        status: next,
        actualStart: verb === 'start' ? (action.actualStart ?? today) : action.actualStart,
        actualEnd: verb === 'complete' || verb === 'cancel' ? today : action.actualEnd,
        version: sql`${actions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(actions.id, id))
      .returning();
    if (!updated) throw new Error('the Action was not updated');
    const bookkeeping = {
      suspendedFrom: verb === 'suspend' ? action.status : null,
      statusReason: reason ?? (verb === 'resume' ? null : (design?.statusReason ?? null)),
    };
    await tx
      .insert(actionDesigns)
      .values({ actionId: id, ...bookkeeping })
      .onConflictDoUpdate({ target: actionDesigns.actionId, set: { ...bookkeeping, updatedAt: sql`now()` } });
    await recordActionEvent(tx, {
      actionId: id,
      actorId: staff.id,
      kind: eventOf[verb],
      subjectType: 'action',
      subjectId: id,
      label: action.name,
      details: { from: action.status, to: next, ...(reason ? { reason } : {}) },
    });
    await recordAudit(tx, {
      actorId: staff.id,
      event: `action.${verb}`,
      entityType: 'action',
      entityId: id,
      changes: { status: [action.status, next], ...(reason ? { reason } : {}) },
    });
    return {
      id,
      status: updated.status,
      actualStart: updated.actualStart,
      actualEnd: updated.actualEnd,
      version: updated.version,
    };
  });
}
