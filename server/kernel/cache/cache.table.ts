import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * A version number per cached data set, bumped by database triggers in the same transaction as any
 * change to the data it covers. Every app process compares it with the version of its cached copy,
 * so caches stay correct across processes without any message between them.
 */
export const cacheVersions = pgTable('cache_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
});
