import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Facility-wide settings and markers (such as when the demo facility was loaded), one row per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
