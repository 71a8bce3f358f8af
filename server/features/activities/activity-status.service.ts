import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { findStoredFile, sendStoredFile, storeUpload } from '../../kernel/files/files.service.ts';
import type { Upload } from '../../kernel/http/multipart.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { assertNoDoubleBooking, isDeployedOn } from '../experts/deployments.service.ts';
import type { ActivityDetail } from './activities.contract.ts';
import { getActivity, STAFF } from './activities.service.ts';
import { activities } from './activities.table.ts';
import { loadVisibleActivity } from './activity-access.ts';
import { type ActivityVerb, nextActivityStatus, todayIso } from './activity-status.ts';

/** Mission reports: PDF or Word, up to 20 MB. */
export const REPORT_FILE_RULES = {
  kinds: ['pdf', 'word'],
  maxBytes: 20 * 1024 * 1024,
  field: 'file',
} as const;

/** confirm, hold, postpone (with a reason) or cancel (with a reason) an activity. */
export async function transitionActivity(
  db: Db,
  actor: Actor | null,
  id: string,
  verb: Exclude<ActivityVerb, 'report'>,
  reason: string | undefined,
  lang: Language,
): Promise<ActivityDetail> {
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    const title = pickText(activity.title, 'en');
    const next = nextActivityStatus(verb, { ...activity, title }, todayIso());
    // A postponed activity held no dates; confirming it again must find its experts free.
    if (verb === 'confirm' && activity.status === 'postponed') {
      await assertNoDoubleBooking(tx, id, activity);
    }
    await tx
      .update(activities)
      .set({
        status: next,
        // The reason belongs to the postponement or cancellation; confirming again clears it.
        statusReason: verb === 'postpone' || verb === 'cancel' ? (reason ?? null) : null,
        version: sql`${activities.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(activities.id, id));
    await recordAudit(tx, {
      actorId: staff.id,
      event: `activity.${verb}`,
      entityType: 'activity',
      entityId: id,
      changes: { status: [activity.status, next], ...(reason ? { reason } : {}) },
    });
  });
  return getActivity(db, actor, id, lang);
}

/**
 * Files the mission report of a held activity: a summary and a file. Staff and the experts
 * deployed on the activity may report. Access is checked before the upload is read.
 */
export async function reportActivity(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  readBody: () => Promise<Upload>,
  lang: Language,
): Promise<ActivityDetail> {
  const signedIn = requireActor(actor);
  await loadVisibleActivity(db, signedIn, id);
  const mayReport =
    isStaff(signedIn) || (signedIn.role === 'expert' && (await isDeployedOn(db, signedIn.id, id)));
  if (!mayReport) {
    throw new AppError(
      'FORBIDDEN',
      'Only the staff and the experts deployed on it may report on an activity',
    );
  }
  const upload = await readBody();
  const summary = (upload.fields.summary ?? '').trim();
  if (!summary || summary.length > 10_000) {
    throw new AppError('VALIDATION_FAILED', 'The report needs a summary of at most 10,000 characters', [
      { field: 'summary', message: summary ? 'is longer than 10,000 characters' : 'is required' },
    ]);
  }
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, signedIn, id, {
      lock: true,
    });
    assertActionEditable({ status: actionStatus, name: actionName });
    nextActivityStatus('report', { ...activity, title: pickText(activity.title, 'en') }, todayIso());
    const file = await storeUpload(tx, storage, signedIn, upload, REPORT_FILE_RULES);
    await tx
      .update(activities)
      .set({
        status: 'reported',
        reportSummary: summary,
        reportFileId: file.id,
        reportedAt: sql`now()`,
        version: sql`${activities.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(activities.id, id), eq(activities.status, 'held')));
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: 'activity.report',
      entityType: 'activity',
      entityId: id,
      changes: { status: ['held', 'reported'], reportFileId: file.id, summaryLength: summary.length },
    });
  });
  return getActivity(db, signedIn, id, lang);
}

export async function sendActivityReport(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  reply: FastifyReply,
) {
  const { activity } = await loadVisibleActivity(db, actor, id);
  if (!activity.reportFileId) throw notFound('Mission report');
  return sendStoredFile(reply, storage, await findStoredFile(db, activity.reportFileId));
}
