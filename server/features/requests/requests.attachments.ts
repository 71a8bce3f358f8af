import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { findStoredFile, sendStoredFile, storeUpload } from '../../kernel/files/files.service.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import type { Attachment } from './requests.contract.ts';
import { assertCanAttach } from './requests.policy.ts';
import { loadVisible } from './requests.service.ts';
import { requestAttachments } from './requests.table.ts';

/** Letters, concept notes and scans: PDF, Word or images, checked by content. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export async function uploadAttachment(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  request: FastifyRequest,
): Promise<Attachment> {
  const me = requireActor(actor);
  // Access first: nobody streams a file into a request they may not touch.
  assertCanAttach(me, (await loadVisible(db, me, id)).access);
  const upload = await readUpload(request, 'file', ATTACHMENT_MAX_BYTES);
  const kind = upload.fields.kind ?? 'attachment';
  if (kind !== 'attachment' && kind !== 'original') {
    throw new AppError('VALIDATION_FAILED', 'kind must be attachment or original', [
      { field: 'kind', message: 'must be attachment or original' },
    ]);
  }
  if (kind === 'original' && !isStaff(me)) {
    throw new AppError('REQUEST_ROLE_NOT_ALLOWED', 'Only an officer attaches the original letter or e-mail', [
      { field: 'kind', message: 'original is for officers' },
    ]);
  }
  return db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id, true);
    assertCanAttach(me, visible.access);
    const file = await storeUpload(tx, storage, me, upload, {
      kinds: ['pdf', 'word', 'image'],
      maxBytes: ATTACHMENT_MAX_BYTES,
    });
    const [link] = await tx
      .insert(requestAttachments)
      .values({ requestId: id, fileId: file.id, kind })
      .returning();
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.attach',
      entityType: 'request',
      entityId: id,
      changes: { fileId: file.id, name: file.originalName, mediaType: file.mediaType, size: file.size, kind },
    });
    return {
      id: file.id,
      name: file.originalName,
      mediaType: file.mediaType,
      size: file.size,
      kind,
      createdAt: (link?.createdAt ?? new Date()).toISOString(),
    };
  });
}

async function attachmentOf(db: Db, requestId: string, fileId: string) {
  const [link] = await db
    .select()
    .from(requestAttachments)
    .where(and(eq(requestAttachments.requestId, requestId), eq(requestAttachments.fileId, fileId)));
  if (!link) throw notFound('Attachment');
  return link;
}

export async function downloadAttachment(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  fileId: string,
  reply: FastifyReply,
) {
  const me = requireActor(actor);
  await loadVisible(db, me, id);
  await attachmentOf(db, id, fileId);
  return sendStoredFile(reply, storage, await findStoredFile(db, fileId));
}

export async function removeAttachment(db: Db, actor: Actor | null, id: string, fileId: string) {
  const me = requireActor(actor);
  await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id, true);
    assertCanAttach(me, visible.access);
    await attachmentOf(tx, id, fileId);
    await tx
      .delete(requestAttachments)
      .where(and(eq(requestAttachments.requestId, id), eq(requestAttachments.fileId, fileId)));
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.detach',
      entityType: 'request',
      entityId: id,
      changes: { fileId },
    });
  });
}
