import { char, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countries } from '../taxonomy/taxonomy.table.ts';

/**
 * A request for a partner account, sent from the public portal by someone at an institution that
 * wants to ask the facility for assistance. An administrator reads it and creates the account; the
 * request holds personal data (name, e-mail), so it is never public and only admins list it.
 */
export const accountRequests = pgTable(
  'account_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    institution: text('institution').notNull(),
    position: text('position'),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
    message: text('message').notNull(),
    /** The interface language the request was written in, to answer in it. */
    language: text('language').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_requests_created_at_idx').on(t.createdAt)],
);
