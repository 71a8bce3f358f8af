import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../kernel/localized.ts';
import { institutions, partnerOrganisations } from '../institutions/institutions.table.ts';
import { approaches, countries, pillars, topics } from '../taxonomy/taxonomy.table.ts';
import { type ActionStatus, actionStatuses } from './action-statuses.ts';

export { type ActionStatus, actionStatuses };
export const actionStatus = pgEnum('action_status', actionStatuses);

/** An Action: the facility's tailor-made answer to a request, named by country and sequence. */
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable short code, e.g. `peru-iii`; used in URLs and never reused. */
    code: text('code').notNull().unique(),
    /** Display name, e.g. "Peru III", or the network's name for a regional Action. */
    name: text('name').notNull(),
    /** Sequence within its country or network: Peru III is 3. */
    sequence: integer('sequence').notNull().default(1),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull(),
    status: actionStatus('status').notNull().default('design'),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    /** Incremented at every update, so that concurrent edits can be detected. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('actions_status_idx').on(t.status),
    index('actions_planned_start_idx').on(t.plannedStart),
    // The list's order (name, then id): a page is read from the index, not sorted from all.
    index('actions_listed_idx').on(t.name, t.id),
    // The list's free-text search (`ILIKE '%…%'`) reads trigram indexes, one per searched field.
    index('actions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('actions_code_trgm_idx').using('gin', sql`${t.code} gin_trgm_ops`),
    index('actions_title_trgm_idx').using('gin', sql`(${t.title}::text) gin_trgm_ops`),
  ],
);

export const actionInstitutionRoles = ['requesting', 'beneficiary'] as const;
export const actionInstitutionRole = pgEnum('action_institution_role', actionInstitutionRoles);

export const actionInstitutions = pgTable(
  'action_institutions',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    role: actionInstitutionRole('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.institutionId, t.role] }),
    index('action_institutions_institution_idx').on(t.institutionId),
  ],
);

export const actionCountries = pgTable(
  'action_countries',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.countryCode] }),
    index('action_countries_country_idx').on(t.countryCode),
  ],
);

export const actionTopics = pgTable(
  'action_topics',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    topicCode: text('topic_code')
      .notNull()
      .references(() => topics.code),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.topicCode] }),
    index('action_topics_topic_idx').on(t.topicCode),
  ],
);

export const actionPillars = pgTable(
  'action_pillars',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    pillarCode: text('pillar_code')
      .notNull()
      .references(() => pillars.code),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.pillarCode] })],
);

export const actionApproaches = pgTable(
  'action_approaches',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    approachCode: text('approach_code')
      .notNull()
      .references(() => approaches.code),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.approachCode] })],
);

export const actionPartners = pgTable(
  'action_partners',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.partnerId] })],
);
