import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { checkFileContent, type FileKind } from './file-kinds.ts';
import type { FileStorage } from './file-storage.ts';
import { storedFiles } from './files.table.ts';

export type StoredFile = typeof storedFiles.$inferSelect;

/**
 * Checks an upload by content and stores it. Call inside the transaction that links the file to its
 * record, so that a refused or failed change leaves no row behind; the bytes are written first and
 * removed again if the row cannot be.
 */
export async function storeUpload(
  tx: Db,
  storage: FileStorage,
  actor: Actor | null,
  upload: { bytes: Buffer; fileName: string },
  rules: { kinds: readonly FileKind[]; maxBytes: number; field?: string },
): Promise<StoredFile> {
  const checked = await checkFileContent(
    upload.bytes,
    upload.fileName,
    rules.kinds,
    rules.maxBytes,
    rules.field,
  );
  const storageKey = await storage.put(upload.bytes);
  try {
    const [row] = await tx
      .insert(storedFiles)
      .values({
        storageKey,
        originalName: safeFileName(upload.fileName, checked.extension),
        mediaType: checked.mediaType,
        size: upload.bytes.length,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        uploadedBy: actor?.id ?? null,
      })
      .returning();
    if (!row) throw new Error('file row was not inserted');
    return row;
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

/** A name safe to put in a header: no path, no control characters, the detected extension. */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? 'file')
    .replace(/[\p{Cc}"]/gu, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 150);
  return `${base || 'file'}.${extension}`;
}

export async function findStoredFile(db: Db, id: string): Promise<StoredFile> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw notFound('File');
  return row;
}

/** Sends a file as a download: never rendered inline, never sniffed. Check access before calling. */
export function sendStoredFile(reply: FastifyReply, storage: FileStorage, file: StoredFile) {
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', file.size)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    )
    .send(storage.read(file.storageKey));
}

/** The public description of a stored file (never its storage key). */
export function presentFile(file: StoredFile) {
  return {
    name: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    uploadedAt: new Date(file.createdAt).toISOString(),
  };
}
