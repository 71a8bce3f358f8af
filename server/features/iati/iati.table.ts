import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.ts';

/** Texts of other publishers: keyed by whatever ISO 639-1 language they wrote in. */
export type ForeignText = Record<string, string>;

/** One imported IATI activity file: who brought it in, when, and what it held. */
export const iatiImports = pgTable('iati_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  /** SHA-256 of the file, to recognise the same file imported again. */
  sha256: text('sha256').notNull(),
  activityCount: integer('activity_count').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  importedBy: uuid('imported_by').references(() => users.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An activity published by another organisation (UNODC, a national donor), kept to show who else
 * works on the same topic in the same country. Its IATI identifier is its key: importing it again
 * replaces what was stored.
 */
export const externalActivities = pgTable(
  'external_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    iatiIdentifier: text('iati_identifier').notNull().unique(),
    reportingOrgRef: text('reporting_org_ref'),
    reportingOrgType: text('reporting_org_type'),
    reportingOrgName: jsonb('reporting_org_name').$type<ForeignText>().notNull(),
    title: jsonb('title').$type<ForeignText>().notNull(),
    description: jsonb('description').$type<ForeignText>().notNull(),
    /** IATI ActivityStatus code, 1 to 6. */
    status: text('status'),
    plannedStart: date('planned_start'),
    actualStart: date('actual_start'),
    plannedEnd: date('planned_end'),
    actualEnd: date('actual_end'),
    /** The publisher's own last-updated-datetime, when it gave one. */
    lastUpdatedAt: timestamp('last_updated_at', { withTimezone: true }),
    importId: uuid('import_id')
      .notNull()
      .references(() => iatiImports.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('external_activities_import_idx').on(t.importId)],
);

const activityRef = () =>
  uuid('activity_id')
    .notNull()
    .references(() => externalActivities.id, { onDelete: 'cascade' });

/** Recipient countries; not tied to Tandem's countries, since other publishers work anywhere. */
export const externalActivityCountries = pgTable(
  'external_activity_countries',
  {
    activityId: activityRef(),
    countryCode: text('country_code').notNull(),
    percentage: numeric('percentage', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.countryCode] }),
    index('external_activity_countries_country_idx').on(t.countryCode),
  ],
);

export const externalActivitySectors = pgTable(
  'external_activity_sectors',
  {
    activityId: activityRef(),
    vocabulary: text('vocabulary').notNull(),
    code: text('code').notNull(),
    percentage: numeric('percentage', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.vocabulary, t.code] })],
);

export const externalParticipatingOrgs = pgTable(
  'external_participating_orgs',
  {
    activityId: activityRef(),
    position: integer('position').notNull(),
    role: text('role').notNull(),
    ref: text('ref'),
    type: text('type'),
    name: jsonb('name').$type<ForeignText>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.position] })],
);

/** The Tandem topics an activity was matched to at import, and why (see iati-topic-match.ts). */
export const externalActivityTopics = pgTable(
  'external_activity_topics',
  {
    activityId: activityRef(),
    topicCode: text('topic_code').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.topicCode] }),
    index('external_activity_topics_topic_idx').on(t.topicCode),
  ],
);
