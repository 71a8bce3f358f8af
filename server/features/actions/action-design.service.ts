import { asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import { AppError } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { activityCounts } from '../activities/activities.queries.ts';
import { users } from '../auth/auth.table.ts';
import { deployedDaysOf } from '../experts/deployments.queries.ts';
import { partnerOrganisations } from '../institutions/institutions.table.ts';
import { loadVisibleAction } from './action-access.ts';
import type { ActionDesign, ActionDesignPatch } from './action-design.contract.ts';
import { actionDesignComments, actionDesigns } from './action-design.table.ts';
import { assertActionEditable } from './action-status.ts';
import { selectActionPartners } from './actions.queries.ts';
import { actionPartners, actions } from './actions.table.ts';

const STAFF = ['admin', 'officer'] as const;

export async function getActionDesign(db: Db, actor: Actor | null, actionId: string): Promise<ActionDesign> {
  const action = await loadVisibleAction(db, actor, actionId);
  // In turn: a spreadsheet import reads the design inside its transaction (one connection).
  const [[design], partners, comments, counts, days] = await inTurn([
    () => db.select().from(actionDesigns).where(eq(actionDesigns.actionId, actionId)),
    () => selectActionPartners(db, actionId),
    () =>
      db
        .select({
          id: actionDesignComments.id,
          authorName: users.name,
          authorRole: users.role,
          body: actionDesignComments.body,
          createdAt: actionDesignComments.createdAt,
        })
        .from(actionDesignComments)
        .innerJoin(users, eq(users.id, actionDesignComments.authorId))
        .where(eq(actionDesignComments.actionId, actionId))
        .orderBy(asc(actionDesignComments.createdAt)),
    () => activityCounts(db, actionId),
    () => deployedDaysOf(db, actionId),
  ]);
  return {
    actionId,
    status: action.status,
    overallObjective: design?.overallObjective ?? '',
    specificObjectives: design?.specificObjectives ?? [],
    plannedDeliverables: design?.plannedDeliverables ?? [],
    plannedActivities: design?.plannedActivities ?? null,
    plannedExpertDays: design?.plannedExpertDays ?? null,
    partners,
    lessonsLearnt: design?.lessonsLearnt ?? '',
    closingSummary: design?.closingSummary ?? '',
    statusReason: design?.statusReason ?? null,
    progress: { activities: counts.total, activitiesHeld: counts.held, expertDaysDeployed: days },
    comments: comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    version: action.version,
  };
}

/** Changes the design (staff), guarded by the Action's version; a closed Action answers 409. */
export async function updateActionDesign(
  db: Db,
  actor: Actor | null,
  actionId: string,
  expectedVersion: number,
  patch: ActionDesignPatch,
): Promise<ActionDesign> {
  await db.transaction(async (tx) => {
    const action = await loadVisibleAction(tx, actor, actionId, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    if (action.version !== expectedVersion) throw staleVersion('The Action', action.version);
    const { partnerIds, plannedStart, plannedEnd, ...designFields } = patch;
    if (Object.keys(designFields).length > 0) {
      await tx
        .insert(actionDesigns)
        .values({ actionId, ...designFields })
        .onConflictDoUpdate({
          target: actionDesigns.actionId,
          set: { ...designFields, updatedAt: sql`now()` },
        });
    }
    if (partnerIds) {
      const unique = [...new Set(partnerIds)];
      const known = unique.length
        ? await tx
            .select({ id: partnerOrganisations.id })
            .from(partnerOrganisations)
            .where(inArray(partnerOrganisations.id, unique))
        : [];
      const missing = unique.filter((id) => !known.some((k) => k.id === id));
      if (missing.length) {
        throw new AppError('VALIDATION_FAILED', 'Some partners are not known', [
          { field: 'partnerIds', message: `unknown partner organisations: ${missing.join(', ')}` },
        ]);
      }
      await tx.delete(actionPartners).where(eq(actionPartners.actionId, actionId));
      if (unique.length)
        await tx.insert(actionPartners).values(unique.map((partnerId) => ({ actionId, partnerId })));
    }
    await tx
      .update(actions)
      .set({
        ...(plannedStart !== undefined ? { plannedStart } : {}),
        ...(plannedEnd !== undefined ? { plannedEnd } : {}),
        version: sql`${actions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(actions.id, actionId));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'action.design.update',
      entityType: 'action',
      entityId: actionId,
      changes: patch,
    });
  });
  return getActionDesign(db, actor, actionId);
}

/** The partner's focal point (or the team) comments on the design of an open Action. */
export async function addDesignComment(db: Db, actor: Actor | null, actionId: string, body: string) {
  await db.transaction(async (tx) => {
    const action = await loadVisibleAction(tx, actor, actionId);
    const author = requireRole(actor, ['admin', 'officer', 'partner']);
    assertActionEditable(action);
    const [row] = await tx
      .insert(actionDesignComments)
      .values({ actionId, authorId: author.id, body })
      .returning({ id: actionDesignComments.id });
    await recordAudit(tx, {
      actorId: author.id,
      event: 'action.design.comment',
      entityType: 'action',
      entityId: actionId,
      changes: { commentId: row?.id },
    });
  });
  return getActionDesign(db, actor, actionId);
}

/** Co-implementing partner organisations, to choose from when designing an Action. */
export async function listPartnerOrganisations(db: Db, actor: Actor | null) {
  requireRole(actor, ['admin', 'officer', 'steering']);
  const items = await db
    .select({
      id: partnerOrganisations.id,
      name: partnerOrganisations.name,
      acronym: partnerOrganisations.acronym,
    })
    .from(partnerOrganisations)
    .orderBy(partnerOrganisations.name);
  return { items };
}
