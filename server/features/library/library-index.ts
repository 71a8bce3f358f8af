import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { storedFiles } from '../../kernel/files/files.table.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { deliverables, deliverableVersions } from '../deliverables/deliverables.table.ts';
import { libraryDocuments } from './library.table.ts';
import { textConfigOf } from './library-languages.ts';
import { type Extraction, extractDocumentText } from './text-extraction.ts';

async function readAll(storage: FileStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.read(key)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Each translation of a title or summary analysed in its own language. */
function localizedVector(text: LocalizedText, weight: 'A' | 'B'): SQL {
  const parts = Object.entries(text)
    .filter(([, value]) => Boolean(value?.trim()))
    .map(([lang, value]) => sql`to_tsvector(${textConfigOf(lang)}::regconfig, ${value})`);
  if (parts.length === 0) return sql`''::tsvector`;
  return sql`setweight(${sql.join(parts, sql` || `)}, ${weight})`;
}

/**
 * The search document of a library entry: titles (weight A) and summaries (B) in every language
 * they are written in, the body (D) in the document's own language.
 */
export function searchVector(
  title: LocalizedText,
  summary: LocalizedText,
  config: string,
  body: SQL | string,
) {
  return sql`${localizedVector(title, 'A')} || ${localizedVector(summary, 'B')} || setweight(to_tsvector(${config}::regconfig, ${body}), 'D')`;
}

/**
 * Puts a published deliverable into the library: the text of its latest version's file, read once,
 * and its search document. A file that yields no text is recorded as such and the deliverable is
 * listed all the same, found by its titles and summaries. Never throws for a bad file.
 */
export async function indexDeliverable(
  db: Db,
  storage: FileStorage,
  deliverableId: string,
  actorId: string | null = null,
): Promise<void> {
  const [row] = await db
    .select({
      title: deliverables.title,
      summary: deliverables.summary,
      languages: deliverables.languages,
      publishedAt: deliverables.publishedAt,
      updatedAt: deliverables.updatedAt,
      status: deliverables.status,
    })
    .from(deliverables)
    .where(eq(deliverables.id, deliverableId));
  if (row?.status !== 'published') return;
  const [latest] = await db
    .select({
      number: deliverableVersions.number,
      language: deliverableVersions.language,
      storageKey: storedFiles.storageKey,
      mediaType: storedFiles.mediaType,
    })
    .from(deliverableVersions)
    .innerJoin(storedFiles, eq(storedFiles.id, deliverableVersions.fileId))
    .where(eq(deliverableVersions.deliverableId, deliverableId))
    .orderBy(desc(deliverableVersions.number))
    .limit(1);
  let extraction: Extraction | { outcome: 'no_file'; text: '' } = { outcome: 'no_file', text: '' };
  if (latest) {
    try {
      extraction = await extractDocumentText(await readAll(storage, latest.storageKey), latest.mediaType);
    } catch (error) {
      extraction = {
        outcome: 'failed',
        text: '',
        error: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  const language = latest?.language ?? row.languages[0] ?? 'en';
  const config = textConfigOf(language);
  const values = {
    deliverableId,
    versionNumber: latest?.number ?? null,
    language,
    textConfig: config,
    body: extraction.text,
    extraction: extraction.outcome,
    extractionError: extraction.outcome === 'failed' ? extraction.error : null,
    search: searchVector(row.title, row.summary, config, extraction.text),
    publishedAt: row.publishedAt ?? row.updatedAt,
    indexedAt: sql`now()`,
  };
  await db.transaction(async (tx) => {
    const { deliverableId: _, ...changes } = values;
    await tx
      .insert(libraryDocuments)
      .values(values)
      .onConflictDoUpdate({ target: libraryDocuments.deliverableId, set: changes });
    await recordAudit(tx, {
      actorId,
      event: 'library.index',
      entityType: 'deliverable',
      entityId: deliverableId,
      changes: {
        version: latest?.number ?? null,
        language,
        extraction: extraction.outcome,
        characters: extraction.text.length,
        ...(extraction.outcome === 'failed' ? { error: extraction.error } : {}),
      },
    });
  });
}

/**
 * Indexes every published deliverable the library does not hold yet: the demo's, and any whose
 * indexing was cut short after its publication committed. Cheap when there is none.
 */
export async function indexUnindexedDeliverables(db: Db, storage: FileStorage): Promise<number> {
  const missing = await db
    .select({ id: deliverables.id })
    .from(deliverables)
    .leftJoin(libraryDocuments, eq(libraryDocuments.deliverableId, deliverables.id))
    .where(and(eq(deliverables.status, 'published'), isNull(libraryDocuments.deliverableId)));
  for (const { id } of missing) await indexDeliverable(db, storage, id);
  return missing.length;
}
