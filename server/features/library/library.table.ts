import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deliverables, deliverableType } from '../deliverables/deliverables.table.ts';
import { TEXT_CONFIGS } from './library-languages.ts';

/** PostgreSQL's text-search document; written and read through SQL only. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const extractionOutcomes = ['extracted', 'empty', 'failed', 'no_file'] as const;
export type ExtractionOutcome = (typeof extractionOutcomes)[number];

/**
 * The library's copy of a published deliverable: the text of its latest version's file, extracted
 * once at publication, in the document's language, and the search document built from its titles,
 * summaries and text with the text-search configuration of each language (library-languages.ts).
 */
export const libraryDocuments = pgTable(
  'library_documents',
  {
    deliverableId: uuid('deliverable_id')
      .primaryKey()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    /** The version whose file the text comes from. */
    versionNumber: integer('version_number'),
    /** ISO 639-1 code of the document's text. */
    language: text('language').notNull(),
    /** The regconfig its text was analysed with: english, french, spanish, portuguese or simple. */
    textConfig: text('text_config').notNull(),
    body: text('body').notNull().default(''),
    extraction: text('extraction').$type<ExtractionOutcome>().notNull(),
    /** Why the text could not be read, for the staff; the document is listed all the same. */
    extractionError: text('extraction_error'),
    search: tsvector('search').notNull(),
    /** The deliverable's publication, copied so that the newest matches come from an index. */
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('library_documents_search_idx').using('gin', t.search),
    index('library_documents_published_idx').on(sql`${t.publishedAt} desc`, t.deliverableId),
  ],
);

/**
 * The words of each library document, for finding matches cheaply (decision 061): its search
 * document without positions or weights (strip), small enough to stay in the row, with what the
 * filters and the public's scope test before anything else is read: the language and publication
 * date, the deliverable's type and Action, and whether the public may read it (published for general
 * consultation by an Action in a public status). Kept by triggers on library_documents, deliverables
 * and actions (migration 0019), in the statement that changes them; read only by the search.
 */
export const libraryTerms = pgTable(
  'library_terms',
  {
    deliverableId: uuid('deliverable_id')
      .primaryKey()
      .references(() => libraryDocuments.deliverableId, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    type: deliverableType('type').notNull(),
    actionId: uuid('action_id').notNull(),
    public: boolean('public').notNull(),
    words: tsvector('words').notNull(),
  },
  (t) => [
    index('library_terms_words_idx').using('gin', t.words),
    // The words of each language in an index of their own, for a search in one language: through the
    // index of every language, a common word of another one fetched each document that holds it, only
    // to drop it for its language.
    ...Object.keys(TEXT_CONFIGS).map((language) =>
      index(`library_terms_words_${language}_idx`)
        .using('gin', t.words)
        .where(sql.raw(`language = '${language}'`)),
    ),
    index('library_terms_published_idx').on(sql`${t.publishedAt} desc`, t.deliverableId),
    // A search of one type walks that type's documents newest first.
    index('library_terms_type_published_idx').on(t.type, sql`${t.publishedAt} desc`, t.deliverableId),
  ],
);
