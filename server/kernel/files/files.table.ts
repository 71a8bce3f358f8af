import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every uploaded file: its bytes live in the file storage under a generated key (never the name the
 * uploader gave), outside the web root; this row holds what is needed to serve it safely.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull().unique(),
    /** The name the uploader gave, for the download's Content-Disposition only. */
    originalName: text('original_name').notNull(),
    /** The media type detected from the content, not the one the client claimed. */
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_uploaded_by_idx').on(t.uploadedBy)],
);
