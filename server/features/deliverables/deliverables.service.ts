import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, readsWholePortfolio, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { presentFile } from '../../kernel/files/files.service.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { loadVisibleAction } from '../actions/action-access.ts';
import { recordActionEvent } from '../actions/action-events.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { experts } from '../experts/experts.table.ts';
import type {
  DeliverableDetail,
  DeliverableInput,
  DeliverableList,
  DeliverableListQuery,
  DeliverablePatch,
} from './deliverables.contract.ts';
import {
  presentDeliverable,
  selectDeliverableRelations,
  selectDeliverables,
  worksOn,
} from './deliverables.queries.ts';
import { deliverableScope } from './deliverables.scope.ts';
import { deliverableComments, deliverableExperts, deliverables } from './deliverables.table.ts';

export const STAFF = ['admin', 'officer'] as const;

/** The deliverable `id` if the caller may see it (else 404), optionally locked. */
export async function loadVisibleDeliverable(db: Db, actor: Actor | null, id: string, { lock = false } = {}) {
  const signedIn = requireActor(actor);
  const [row] = await selectDeliverables(db, and(eq(deliverables.id, id), deliverableScope(signedIn)), lock);
  if (!row) throw notFound('Deliverable');
  return row;
}

export async function listActionDeliverables(db: Db, actor: Actor | null, actionId: string, lang: Language) {
  await loadVisibleAction(db, actor, actionId);
  const rows = await selectDeliverables(
    db,
    and(eq(deliverables.actionId, actionId), deliverableScope(requireActor(actor))),
  );
  return { items: rows.map((row) => presentDeliverable(row, lang)) };
}

/** Deliverables across the Actions the caller may see (an expert: those they work on). */
export async function listDeliverables(
  db: Db,
  actor: Actor | null,
  query: DeliverableListQuery,
  lang: Language,
): Promise<DeliverableList> {
  const where = and(
    deliverableScope(requireActor(actor)),
    query.status ? eq(deliverables.status, query.status) : undefined,
    query.visibility ? eq(deliverables.visibility, query.visibility) : undefined,
    query.type ? eq(deliverables.type, query.type) : undefined,
  );
  const rows = await selectDeliverables(db, where);
  return { items: rows.map((row) => presentDeliverable(row, lang)) };
}

export async function getDeliverable(
  db: Db,
  actor: Actor | null,
  id: string,
  lang: Language,
): Promise<DeliverableDetail> {
  const row = await loadVisibleDeliverable(db, actor, id);
  const signedIn = requireActor(actor);
  const { versions, comments, team } = await selectDeliverableRelations(db, id);
  const named = readsWholePortfolio(signedIn);
  const { deliverable: d } = row;
  return {
    ...presentDeliverable(row, lang),
    summary: pickText(d.summary, lang),
    actionStatus: row.actionStatus,
    versions: versions.map(({ version, file, uploadedBy }) => ({
      number: version.number,
      changeNote: version.changeNote,
      language: version.language,
      // The version's own date: a file may have been stored earlier than its version was recorded.
      file: { ...presentFile(file), uploadedAt: new Date(version.createdAt).toISOString() },
      uploadedBy,
    })),
    comments: comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    experts: team
      .filter((e) => named || (signedIn.role === 'expert' && e.userId === signedIn.id))
      .map(({ id: expertId, fullName }) => ({ id: expertId, fullName })),
    validatedAt: d.validatedAt ? new Date(d.validatedAt).toISOString() : null,
    publishedAt: d.publishedAt ? new Date(d.publishedAt).toISOString() : null,
    version: d.version,
  };
}

async function setTeam(tx: Db, deliverableId: string, expertIds: string[]) {
  const unique = [...new Set(expertIds)];
  const known = unique.length
    ? await tx.select({ id: experts.id }).from(experts).where(inArray(experts.id, unique))
    : [];
  const missing = unique.filter((id) => !known.some((k) => k.id === id));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', 'Some experts are not on the roster', [
      { field: 'expertIds', message: `unknown experts: ${missing.join(', ')}` },
    ]);
  }
  await tx.delete(deliverableExperts).where(eq(deliverableExperts.deliverableId, deliverableId));
  if (unique.length) {
    await tx.insert(deliverableExperts).values(unique.map((expertId) => ({ deliverableId, expertId })));
  }
}

export async function createDeliverable(
  db: Db,
  actor: Actor | null,
  actionId: string,
  input: DeliverableInput,
  lang: Language,
) {
  const id = await db.transaction(async (tx) => {
    const action = await loadVisibleAction(tx, actor, actionId, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    const { title, summary, expertIds, ...fields } = input;
    const [row] = await tx
      .insert(deliverables)
      .values({ ...fields, actionId, title: { [lang]: title }, summary: summary ? { [lang]: summary } : {} })
      .returning({ id: deliverables.id });
    if (!row) throw new Error('the deliverable was not inserted');
    if (expertIds) await setTeam(tx, row.id, expertIds);
    await recordActionEvent(tx, {
      actionId,
      actorId: staff.id,
      kind: 'deliverable.created',
      subjectType: 'deliverable',
      subjectId: row.id,
      label: title,
      audience: input.visibility === 'internal' ? 'staff' : 'all',
      details: { type: input.type },
    });
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'deliverable.create',
      entityType: 'deliverable',
      entityId: row.id,
      changes: { actionId, ...input },
    });
    return row.id;
  });
  return getDeliverable(db, actor, id, lang);
}

export async function updateDeliverable(
  db: Db,
  actor: Actor | null,
  id: string,
  expectedVersion: number,
  patch: DeliverablePatch,
  lang: Language,
) {
  await db.transaction(async (tx) => {
    const row = await loadVisibleDeliverable(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: row.actionStatus, name: row.actionName });
    const { deliverable: d } = row;
    const title = pickText(d.title, 'en');
    if (d.status === 'published') {
      throw new AppError('DELIVERABLE_LOCKED', `"${title}" is published; it can no longer change`);
    }
    if (patch.visibility === 'internal' && d.status === 'partner_review') {
      throw new AppError(
        'DELIVERABLE_TRANSITION_NOT_ALLOWED',
        `"${title}" is with the partner for review; it cannot become internal now`,
      );
    }
    if (d.version !== expectedVersion) throw staleVersion('The deliverable', d.version);
    const { title: newTitle, summary, expertIds, ...fields } = patch;
    const updated = await tx
      .update(deliverables)
      .set({
        ...fields,
        ...(newTitle ? { title: { [lang]: newTitle } } : {}),
        ...(summary !== undefined ? { summary: summary ? { [lang]: summary } : {} } : {}),
        version: sql`${deliverables.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(deliverables.id, id), eq(deliverables.version, expectedVersion)))
      .returning({ id: deliverables.id });
    if (updated.length === 0) throw staleVersion('The deliverable', d.version);
    if (expertIds) await setTeam(tx, id, expertIds);
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'deliverable.update',
      entityType: 'deliverable',
      entityId: id,
      changes: patch,
    });
  });
  return getDeliverable(db, actor, id, lang);
}

/** A comment on a deliverable: the partner's during its review, the staff's, its experts'. */
export async function commentOnDeliverable(
  db: Db,
  actor: Actor | null,
  id: string,
  comment: { body: string; versionNumber?: number },
  lang: Language,
) {
  await db.transaction(async (tx) => {
    const row = await loadVisibleDeliverable(tx, actor, id);
    const author = requireRole(actor, ['admin', 'officer', 'partner', 'expert']);
    if (author.role === 'expert' && !(await worksOn(tx, author.id, id))) {
      throw new AppError('FORBIDDEN', 'Only the experts who work on a deliverable may comment on it');
    }
    assertActionEditable({ status: row.actionStatus, name: row.actionName });
    const [created] = await tx
      .insert(deliverableComments)
      .values({
        deliverableId: id,
        authorId: author.id,
        body: comment.body,
        versionNumber: comment.versionNumber,
      })
      .returning({ id: deliverableComments.id });
    await recordAudit(tx, {
      actorId: author.id,
      event: 'deliverable.comment',
      entityType: 'deliverable',
      entityId: id,
      changes: { commentId: created?.id },
    });
  });
  return getDeliverable(db, actor, id, lang);
}
