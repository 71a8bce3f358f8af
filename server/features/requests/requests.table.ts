import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../kernel/files/files.table.ts';
import { users } from '../auth/auth.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { countries, thematicAreas, topics } from '../taxonomy/taxonomy.table.ts';
import { attachmentKinds, recommendations, requestChannels, requestStatuses } from './requests.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export {
  attachmentKinds,
  type Recommendation,
  type RequestChannel,
  type RequestStatus,
  recommendations,
  requestChannels,
  requestStatuses,
} from './requests.values.ts';

export const requestStatus = pgEnum('request_status', requestStatuses);

export const requestChannel = pgEnum('request_channel', requestChannels);

export const recommendation = pgEnum('request_recommendation', recommendations);

export type EligibilityOutcome = 'pass' | 'warning' | 'fail';
/** One rule's result, kept as evaluated at submission so that the steering committee sees what the officer saw. */
export interface EligibilityResult {
  rule: 'country' | 'institution' | 'topic' | 'overlap' | 'history';
  outcome: EligibilityOutcome;
  /** Which reason, such as `country.some_outside`, for the web app's catalog. */
  code: string;
  /** The reason in English; the web app words it in the reader's language from `params`. */
  reason: string;
  params: Record<string, string[]>;
}

/** A partner institution's request for assistance, from draft to the steering committee's decision. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A short number people can say on the phone: request 12. */
    number: serial('number').notNull().unique(),
    status: requestStatus('status').notNull().default('draft'),
    channel: requestChannel('channel').notNull().default('partner_web'),
    /** The language the partner wrote in (ISO 639-1). */
    language: text('language').notNull().default('en'),
    title: text('title').notNull(),
    thematicAreaCode: text('thematic_area_code').references(() => thematicAreas.code),
    problem: text('problem').notNull().default(''),
    expectedChange: text('expected_change').notNull().default(''),
    preferredTiming: text('preferred_timing').notNull().default(''),
    earlierAssistance: text('earlier_assistance').notNull().default(''),
    /** Staff and steering only: the officer's screening notes and recommendation. */
    assessment: text('assessment').notNull().default(''),
    recommendation: recommendation('recommendation'),
    /** Shown to the partner: the steering committee's written reason. */
    decisionReason: text('decision_reason'),
    /** Staff and steering only: the committee's deliberations. */
    steeringNotes: text('steering_notes').notNull().default(''),
    eligibility: jsonb('eligibility').$type<EligibilityResult[]>(),
    eligibilityCheckedAt: timestamp('eligibility_checked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('requests_status_idx').on(t.status, t.statusChangedAt),
    // The list's order (latest change first): a page is read from the index, not sorted from all.
    index('requests_listed_idx').on(t.statusChangedAt.desc().nullsFirst(), t.number.desc().nullsFirst()),
    // The list's free-text search (`ILIKE '%…%'`) reads a trigram index.
    index('requests_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // The submitted requests, by the day they were submitted: the funnel reads them (in a year, or
    // all) from the index alone, where it scanned every request's row.
    index('requests_submitted_idx').on(t.submittedAt, t.id).where(sql`${t.submittedAt} is not null`),
  ],
);

export const requestInstitutionRoles = ['requesting', 'joint'] as const;
export type RequestInstitutionRole = (typeof requestInstitutionRoles)[number];
export const requestInstitutionRole = pgEnum('request_institution_role', requestInstitutionRoles);

export const requestInstitutions = pgTable(
  'request_institutions',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    role: requestInstitutionRole('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.institutionId] }),
    index('request_institutions_institution_idx').on(t.institutionId),
  ],
);

export const requestCountries = pgTable(
  'request_countries',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.countryCode] }),
    index('request_countries_country_idx').on(t.countryCode),
  ],
);

export const requestTopics = pgTable(
  'request_topics',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    topicCode: text('topic_code')
      .notNull()
      .references(() => topics.code),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.topicCode] }),
    index('request_topics_topic_idx').on(t.topicCode),
  ],
);

export const requestTargetGroups = pgTable(
  'request_target_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    estimatedNumber: integer('estimated_number'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('request_target_groups_request_idx').on(t.requestId)],
);

/** Working languages of the assistance (ISO 639-1), not only the five of the interface. */
export const requestLanguages = pgTable(
  'request_languages',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    languageCode: text('language_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.languageCode] })],
);

export const attachmentKind = pgEnum('request_attachment_kind', attachmentKinds);

export const requestAttachments = pgTable(
  'request_attachments',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    kind: attachmentKind('kind').notNull().default('attachment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.fileId] })],
);

/** Every move of a request: who, when, from which state to which, and why. */
export const requestTransitions = pgTable(
  'request_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    fromStatus: requestStatus('from_status'),
    toStatus: requestStatus('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_transitions_request_idx').on(t.requestId, t.createdAt)],
);

/**
 * Each request's way through the funnel, read from its status history: the stages it reached and the
 * days it spent in the stage before each (requests.for-reporting.ts states the rule). Kept by a
 * trigger on `request_transitions` in the writer's transaction (migration 0031, decision 116), so the
 * dashboard's funnel reads one row per request instead of ordering every transition.
 */
export const requestStages = pgTable('request_stages', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => requests.id, { onDelete: 'cascade' }),
  submitted: boolean('submitted').notNull(),
  screened: boolean('screened').notNull(),
  approved: boolean('approved').notNull(),
  declined: boolean('declined').notNull(),
  submittedDays: doublePrecision('submitted_days'),
  screenedDays: doublePrecision('screened_days'),
  approvedDays: doublePrecision('approved_days'),
  declinedDays: doublePrecision('declined_days'),
});

/** A clarification question, its answer, or any other message between partner and facility. */
export const messageKinds = ['message', 'question', 'answer'] as const;
export const messageKind = pgEnum('request_message_kind', messageKinds);

export const requestMessages = pgTable(
  'request_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    kind: messageKind('kind').notNull().default('message'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_messages_request_idx').on(t.requestId, t.createdAt)],
);

/**
 * The facility's mandate as the eligibility rules read it, edited by an administrator: one row.
 * Without a row every region but the EU's and every topic is within the mandate.
 */
export const eligibilitySettings = pgTable('request_eligibility_settings', {
  id: integer('id').primaryKey().default(1),
  regions: jsonb('regions').$type<string[]>().notNull(),
  /** Countries eligible one by one, outside the eligible regions. */
  countries: jsonb('countries').$type<string[]>().notNull(),
  /** Countries excluded although their region is eligible. */
  excludedCountries: jsonb('excluded_countries').$type<string[]>().notNull(),
  topics: jsonb('topics').$type<string[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
