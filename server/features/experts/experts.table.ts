import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../kernel/files/files.table.ts';
import { users } from '../auth/auth.table.ts';
import { countries, regions, topics } from '../taxonomy/taxonomy.table.ts';
import { genders, languageLevels, publicSectorStatuses } from './experts.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export {
  expertSkills,
  genders,
  type LanguageLevel,
  languageLevels,
  publicSectorStatuses,
} from './experts.values.ts';

export const gender = pgEnum('gender', genders);

export const publicSectorStatus = pgEnum('public_sector_status', publicSectorStatuses);

export const languageLevel = pgEnum('language_level', languageLevels);

/**
 * An expert of the roster: mostly serving officials of EU Member State administrations, and peers
 * from partner countries. Personal data: staff only (steering without contact data), never public.
 */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The account an expert signs in with, to see their assignments; null until they have one. */
    userId: uuid('user_id')
      .unique()
      .references(() => users.id),
    fullName: text('full_name').notNull(),
    gender: gender('gender').notNull(),
    email: text('email'),
    phone: text('phone'),
    administration: text('administration').notNull(),
    /** The country whose administration deploys them; public (without the name). */
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
    nationality: char('nationality', { length: 2 }).references(() => countries.code),
    publicSectorStatus: publicSectorStatus('public_sector_status').notNull(),
    /** The Member State focal point who nominated them, as "name, institution". */
    nominatedBy: text('nominated_by'),
    cvFileId: uuid('cv_file_id').references(() => storedFiles.id),
    /** The conflict-of-interest declaration: its text and when it was signed. */
    conflictOfInterest: text('conflict_of_interest'),
    conflictDeclaredOn: date('conflict_declared_on'),
    /** Kept with every feedback written, so that ranking reads one row per expert (ADR 022). */
    feedbackCount: integer('feedback_count').notNull().default(0),
    feedbackScoreSum: integer('feedback_score_sum').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('experts_country_idx').on(t.countryCode),
    // The list's order (name, then id for equal names): a page is read from the index.
    index('experts_name_idx').on(t.fullName, t.id),
    // The list's free-text search (`ILIKE '%…%'`) reads trigram indexes.
    index('experts_name_trgm_idx').using('gin', sql`${t.fullName} gin_trgm_ops`),
    index('experts_administration_trgm_idx').using('gin', sql`${t.administration} gin_trgm_ops`),
  ],
);

const expertRef = () =>
  uuid('expert_id')
    .notNull()
    .references(() => experts.id, { onDelete: 'cascade' });

export const expertLanguages = pgTable(
  'expert_languages',
  { expertId: expertRef(), language: text('language').notNull(), level: languageLevel('level').notNull() },
  (t) => [
    primaryKey({ columns: [t.expertId, t.language] }),
    index('expert_languages_language_idx').on(t.language),
  ],
);

export const expertTopics = pgTable(
  'expert_topics',
  {
    expertId: expertRef(),
    topicCode: text('topic_code')
      .notNull()
      .references(() => topics.code),
  },
  (t) => [
    primaryKey({ columns: [t.expertId, t.topicCode] }),
    index('expert_topics_topic_idx').on(t.topicCode),
  ],
);

export const expertSkillRows = pgTable(
  'expert_skills',
  { expertId: expertRef(), skill: text('skill').notNull() },
  (t) => [primaryKey({ columns: [t.expertId, t.skill] })],
);

/** Countries the expert has worked in or with. */
export const expertCountries = pgTable(
  'expert_countries',
  {
    expertId: expertRef(),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
  },
  (t) => [
    primaryKey({ columns: [t.expertId, t.countryCode] }),
    index('expert_countries_country_idx').on(t.countryCode),
  ],
);

export const expertRegions = pgTable(
  'expert_regions',
  {
    expertId: expertRef(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    primaryKey({ columns: [t.expertId, t.regionCode] }),
    index('expert_regions_region_idx').on(t.regionCode),
  ],
);

/** Periods in which the expert said they can be deployed. */
export const expertAvailability = pgTable(
  'expert_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: expertRef(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
  },
  (t) => [index('expert_availability_expert_idx').on(t.expertId, t.startDate)],
);
