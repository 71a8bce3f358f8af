import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { findStoredFile, sendStoredFile, storeUpload } from '../../kernel/files/files.service.ts';
import type { Upload } from '../../kernel/http/multipart.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { recordActionEvent } from '../actions/action-events.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { assertDeliverableOpen, nextDeliverableStatus } from './deliverable-workflow.ts';
import type { DeliverableVerb } from './deliverables.contract.ts';
import { worksOn } from './deliverables.queries.ts';
import { getDeliverable, loadVisibleDeliverable } from './deliverables.service.ts';
import { deliverableComments, deliverables, deliverableVersions } from './deliverables.table.ts';

/** Drafts and final texts: PDF or Word, up to 25 MB. */
export const DELIVERABLE_FILE_RULES = {
  kinds: ['pdf', 'word'],
  maxBytes: 25 * 1024 * 1024,
  field: 'file',
} as const;

const eventOf: Record<DeliverableVerb, string> = {
  'submit-for-review': 'deliverable.submitted',
  validate: 'deliverable.validated',
  'request-changes': 'deliverable.changes_requested',
  publish: 'deliverable.published',
};

export async function transitionDeliverable(
  db: Db,
  actor: Actor | null,
  id: string,
  verb: DeliverableVerb,
  reason: string | undefined,
  lang: Language,
) {
  await db.transaction(async (tx) => {
    const row = await loadVisibleDeliverable(tx, actor, id, { lock: true });
    const signedIn = requireActor(actor);
    assertActionEditable({ status: row.actionStatus, name: row.actionName });
    const { deliverable: d } = row;
    const title = pickText(d.title, 'en');
    const next = nextDeliverableStatus(verb, { ...d, title }, signedIn, {
      worksOnIt: signedIn.role === 'expert' && (await worksOn(tx, signedIn.id, id)),
      hasVersion: row.latestVersion !== null,
    });
    await tx
      .update(deliverables)
      .set({
        status: next,
        ...(verb === 'validate' ? { validatedAt: sql`now()`, validatedBy: signedIn.id } : {}),
        ...(verb === 'publish' ? { publishedAt: sql`now()` } : {}),
        version: sql`${deliverables.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(deliverables.id, id));
    // The partner's reason for sending a draft back is a comment the team reads with the draft.
    if (reason) {
      await tx
        .insert(deliverableComments)
        .values({ deliverableId: id, authorId: signedIn.id, body: reason, versionNumber: row.latestVersion });
    }
    await recordActionEvent(tx, {
      actionId: d.actionId,
      actorId: signedIn.id,
      kind: eventOf[verb],
      subjectType: 'deliverable',
      subjectId: id,
      label: title,
      audience: d.visibility === 'internal' ? 'staff' : 'all',
      details: { from: d.status, to: next, version: row.latestVersion },
    });
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: `deliverable.${verb}`,
      entityType: 'deliverable',
      entityId: id,
      changes: { status: [d.status, next] },
    });
  });
  return getDeliverable(db, actor, id, lang);
}

/**
 * Adds a version (a file and a note on what changed) to a deliverable that is still open. The
 * staff and the experts who work on it may upload; access is checked before the file is read.
 */
export async function addDeliverableVersion(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  readBody: () => Promise<Upload>,
  lang: Language,
) {
  const signedIn = requireActor(actor);
  await loadVisibleDeliverable(db, signedIn, id);
  if (!isStaff(signedIn) && !(signedIn.role === 'expert' && (await worksOn(db, signedIn.id, id)))) {
    throw new AppError('FORBIDDEN', 'Only the staff and the experts who work on it may upload a version');
  }
  const upload = await readBody();
  const changeNote = (upload.fields.changeNote ?? '').trim();
  const language = upload.fields.language?.trim() || null;
  const problems = [
    ...(!changeNote || changeNote.length > 2000
      ? [{ field: 'changeNote', message: changeNote ? 'is longer than 2,000 characters' : 'is required' }]
      : []),
    ...(language && !/^[a-z]{2,3}$/.test(language)
      ? [{ field: 'language', message: 'must be an ISO 639 language code' }]
      : []),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The version is not valid', problems);

  const number = await db.transaction(async (tx) => {
    const row = await loadVisibleDeliverable(tx, signedIn, id, { lock: true });
    assertActionEditable({ status: row.actionStatus, name: row.actionName });
    const { deliverable: d } = row;
    const title = pickText(d.title, 'en');
    assertDeliverableOpen({ ...d, title });
    const file = await storeUpload(tx, storage, signedIn, upload, DELIVERABLE_FILE_RULES);
    const next = (row.latestVersion ?? 0) + 1;
    await tx.insert(deliverableVersions).values({
      deliverableId: id,
      number: next,
      fileId: file.id,
      changeNote,
      language,
      uploadedBy: signedIn.id,
    });
    await tx
      .update(deliverables)
      .set({ version: sql`${deliverables.version} + 1`, updatedAt: sql`now()` })
      .where(eq(deliverables.id, id));
    await recordActionEvent(tx, {
      actionId: d.actionId,
      actorId: signedIn.id,
      kind: 'deliverable.version_added',
      subjectType: 'deliverable',
      subjectId: id,
      label: title,
      audience: d.visibility === 'internal' ? 'staff' : 'all',
      details: { version: next },
    });
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: 'deliverable.version',
      entityType: 'deliverable',
      entityId: id,
      changes: { number: next, fileId: file.id, changeNote },
    });
    return next;
  });
  const detail = await getDeliverable(db, signedIn, id, lang);
  return { detail, number };
}

/** Downloads one version's file, after the caller's access to the deliverable is checked. */
export async function sendDeliverableVersion(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  number: number,
  reply: FastifyReply,
) {
  await loadVisibleDeliverable(db, actor, id);
  const [version] = await db
    .select({ fileId: deliverableVersions.fileId })
    .from(deliverableVersions)
    .where(and(eq(deliverableVersions.deliverableId, id), eq(deliverableVersions.number, number)));
  if (!version) throw notFound('Version');
  return sendStoredFile(reply, storage, await findStoredFile(db, version.fileId));
}
