import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import {
  findStoredFile,
  presentFile,
  sendStoredFile,
  storeUpload,
} from '../../kernel/files/files.service.ts';
import type { Upload } from '../../kernel/http/multipart.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { deployments } from './deployments.table.ts';
import type { MyAssignments } from './experts.contract.ts';
import { selectDeploymentHistory } from './experts.queries.ts';
import { experts } from './experts.table.ts';

const STAFF = ['admin', 'officer'] as const;
export const CV_FILE_RULES = { kinds: ['pdf', 'word'], maxBytes: 10 * 1024 * 1024, field: 'file' } as const;

/** The signed-in expert's own deployments, newest first; nothing of anyone else's. */
export async function myAssignments(db: Db, actor: Actor | null, lang: Language): Promise<MyAssignments> {
  const expertActor = requireRole(actor, ['expert']);
  const [expert] = await db
    .select({ id: experts.id, fullName: experts.fullName })
    .from(experts)
    .where(eq(experts.userId, expertActor.id));
  if (!expert) return { expert: null, assignments: [] };
  const history = await selectDeploymentHistory(db, eq(deployments.expertId, expert.id));
  return {
    expert,
    assignments: history.map(({ activityTitle, score: _s, comment: _c, ...d }) => ({
      ...d,
      activityTitle: pickText(activityTitle, lang),
    })),
  };
}

/** Stores a new CV for an expert (staff); the previous file stays in the audit trail's reach. */
export async function uploadCv(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  readBody: () => Promise<Upload>,
) {
  const staff = requireRole(actor, STAFF);
  const [exists] = await db.select({ id: experts.id }).from(experts).where(eq(experts.id, id));
  if (!exists) throw notFound('Expert');
  const upload = await readBody();
  return db.transaction(async (tx) => {
    const file = await storeUpload(tx, storage, staff, upload, CV_FILE_RULES);
    await tx
      .update(experts)
      .set({ cvFileId: file.id, version: sql`${experts.version} + 1`, updatedAt: sql`now()` })
      .where(eq(experts.id, id));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'expert.cv',
      entityType: 'expert',
      entityId: id,
      changes: { cvFileId: file.id },
    });
    return presentFile(file);
  });
}

/** A CV is personal data with contact details: staff only. */
export async function sendCv(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  reply: FastifyReply,
) {
  requireRole(actor, STAFF);
  const [expert] = await db.select({ cvFileId: experts.cvFileId }).from(experts).where(eq(experts.id, id));
  if (!expert?.cvFileId) throw notFound('CV');
  return sendStoredFile(reply, storage, await findStoredFile(db, expert.cvFileId));
}
