import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import { requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { Slots } from '../../kernel/db/statement-slots.ts';
import { notFound } from '../../kernel/errors.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { PUBLIC_STATUSES } from '../actions/actions.scope.ts';
import { deliverableScope } from '../deliverables/deliverables.scope.ts';
import { deliverables } from '../deliverables/deliverables.table.ts';
import { publicDownloadUrl, publiclyAvailable } from '../deliverables/public-work.ts';
import { DELIVERABLE_TYPE_NAMES } from '../deliverables/work-type-names.ts';
import {
  FIELD_GUIDE_TYPES,
  type FieldGuideList,
  LIBRARY_CANDIDATES,
  LIBRARY_PAGE_SIZE,
  type LibraryDocument,
  type LibraryItem,
  type LibraryPage,
  type LibraryQuery,
} from './library.contract.ts';
import {
  type LibraryRow,
  MARK_END,
  MARK_START,
  searchLibrary,
  selectLibraryByTypes,
  selectLibraryDocument,
} from './library.queries.ts';

/** Who reads the library: the public, or a signed-in user with what their role allows. */
export type LibraryReader = { kind: 'public' } | { kind: 'signed-in'; actor: Actor };

/**
 * The deliverables a reader finds in the library: published ones only. The public: those published
 * for general consultation by a public Action. A signed-in user: those too, and the published ones
 * their deliverables scope reaches (the staff all; a partner its institution's, except internal ones;
 * an expert those they worked on).
 */
export function libraryScope(reader: LibraryReader): SQL | undefined {
  if (reader.kind === 'public') return publiclyAvailable;
  const scope = deliverableScope(reader.actor);
  if (!scope) return eq(deliverables.status, 'published');
  return or(publiclyAvailable, and(eq(deliverables.status, 'published'), scope));
}

/** Splits a headline at its marks; the marks never reach the client. */
export function snippetParts(headline: string | null): LibraryItem['snippet'] {
  if (!headline) return [];
  const parts: LibraryItem['snippet'] = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let last = 0;
  for (const found of headline.matchAll(pattern)) {
    if (found.index > last) parts.push({ text: headline.slice(last, found.index), mark: false });
    parts.push({ text: found[1] ?? '', mark: true });
    last = found.index + found[0].length;
  }
  if (last < headline.length) parts.push({ text: headline.slice(last), mark: false });
  return parts
    .map((part) => ({ ...part, text: part.text.replace(/[\ue000\ue001]/g, '') }))
    .filter((part) => part.text);
}

function isPublic(row: LibraryRow): boolean {
  return row.visibility === 'public' && (PUBLIC_STATUSES as readonly string[]).includes(row.action_status);
}

/** The text in the reader's language, else in the document's own (the original), else any. */
function inReaderLanguage(text: Record<string, string>, lang: Language, original: string): string {
  return text[lang] || text[original] || pickText(text, lang);
}

function present(row: LibraryRow, lang: Language, reader: LibraryReader): LibraryItem {
  const downloadUrl =
    row.version_number === null
      ? null
      : reader.kind === 'public' || isPublic(row)
        ? publicDownloadUrl(row.id)
        : `/api/deliverables/${row.id}/versions/${row.version_number}/file`;
  return {
    id: row.id,
    title: inReaderLanguage(row.title, lang, row.language),
    summary: inReaderLanguage(row.summary, lang, row.language),
    type: row.type,
    typeName: DELIVERABLE_TYPE_NAMES[row.type][lang],
    language: row.language,
    publishedOn: row.published_on,
    action: { id: row.action_id, name: row.action_name },
    snippet: snippetParts(row.snippet),
    downloadUrl,
    fieldGuide: (FIELD_GUIDE_TYPES as readonly string[]).includes(row.type),
    textAvailable: row.extraction === 'extracted',
  };
}

function readerOf(actor: Actor | null | 'public'): LibraryReader {
  return actor === 'public' ? { kind: 'public' } : { kind: 'signed-in', actor: requireActor(actor) };
}

/**
 * Searches computed at once in this process (decision 113). A search is a few milliseconds of the
 * database's processors, not of waiting: run side by side beyond its processors, each one is slowed
 * by the others (at 8 at once on two cores, 5 ms of the database's time each instead of 4.4), and
 * they hold the pool's connections that other readers need. Two at a time keeps the database busy
 * and the rest of the pool free; the others wait their turn in order.
 */
const searchSlots = new Slots(2);

export async function readLibrary(
  db: Db,
  actor: Actor | null | 'public',
  query: LibraryQuery,
  lang: Language,
): Promise<LibraryPage> {
  const reader = readerOf(actor);
  const found = await searchSlots.run(() =>
    searchLibrary(db, libraryScope(reader), query, reader.kind === 'public'),
  );
  return {
    items: found.rows.map((row) => present(row, lang, reader)),
    total: found.total,
    totalIsLowerBound: found.totalIsLowerBound,
    order: found.ranked ? 'relevance' : 'recency',
    rankedWithin: found.ranked ? LIBRARY_CANDIDATES : null,
    page: query.page,
    pageSize: LIBRARY_PAGE_SIZE,
    years: found.years,
    types: Object.entries(DELIVERABLE_TYPE_NAMES)
      .map(([code, names]) => ({ code, name: names[lang] }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
  };
}

export async function readLibraryDocument(
  db: Db,
  actor: Actor | null | 'public',
  id: string,
  lang: Language,
): Promise<LibraryDocument> {
  const reader = readerOf(actor);
  const row = await selectLibraryDocument(db, libraryScope(reader), id);
  if (!row) throw notFound('Document');
  const { snippet: _, ...item } = present(row, lang, reader);
  return {
    ...item,
    paragraphs: paragraphsOf(row.body),
  };
}

/**
 * The text as paragraphs to read: blank lines separate them (Word); in a PDF's text layer, where
 * lines were wrapped, a line that ends a sentence ends its paragraph.
 */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n{2,}|(?<=[.!?:;。؟])\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** The field guide: the newest public practical notes, SOPs and protocols. */
export async function readFieldGuide(db: Db, lang: Language): Promise<FieldGuideList> {
  const reader: LibraryReader = { kind: 'public' };
  const found = await selectLibraryByTypes(db, libraryScope(reader), FIELD_GUIDE_TYPES, 100);
  return { items: found.map((row) => present(row, lang, reader)) };
}
