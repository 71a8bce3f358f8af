import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../kernel/files/files.table.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { users } from '../auth/auth.table.ts';
import { type IndicatorSource, indicatorMeasures, indicatorSources, resultLevels } from './results.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export {
  type IndicatorMeasure,
  type IndicatorSource,
  indicatorMeasures,
  indicatorSources,
  type ResultLevel,
  resultLevels,
} from './results.values.ts';

export const resultLevel = pgEnum('result_level', resultLevels);

export const indicatorMeasure = pgEnum('indicator_measure', indicatorMeasures);

export const indicatorSource = pgEnum('indicator_source', indicatorSources);
/** The computed sources that count people, and so are disaggregated by sex. */
export const PEOPLE_SOURCES: IndicatorSource[] = ['officials_trained', 'trainers_trained'];

const amount = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** An indicator of an Action's results framework, at output, outcome or impact level. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    level: resultLevel('level').notNull(),
    /** Published in the IATI export, so it may carry several languages. */
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    measure: indicatorMeasure('measure').notNull(),
    source: indicatorSource('source').notNull().default('entered'),
    /** Whether targets and actuals are given for women and men as well as in total. */
    bySex: boolean('by_sex').notNull().default(false),
    baselineYear: integer('baseline_year'),
    baselineValue: amount('baseline_value'),
    baselineFemale: amount('baseline_female'),
    baselineMale: amount('baseline_male'),
    /** A qualitative baseline, or a note on a numeric one. */
    baselineNote: text('baseline_note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicators_action_idx').on(t.actionId)],
);

/** One reporting period of an indicator: its target and, for entered indicators, its actual. */
export const indicatorPeriods = pgTable(
  'indicator_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    target: amount('target'),
    targetFemale: amount('target_female'),
    targetMale: amount('target_male'),
    /** A qualitative target. */
    targetNote: text('target_note'),
    /** Entered actuals only; computed indicators leave these empty. */
    actual: amount('actual'),
    actualFemale: amount('actual_female'),
    actualMale: amount('actual_male'),
    actualNote: text('actual_note'),
    actualRecordedBy: uuid('actual_recorded_by').references(() => users.id),
    actualRecordedAt: timestamp('actual_recorded_at', { withTimezone: true }),
  },
  (t) => [unique('indicator_periods_start_key').on(t.indicatorId, t.periodStart)],
);

/** Files that show where an entered actual comes from. */
export const indicatorEvidence = pgTable(
  'indicator_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => indicatorPeriods.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_evidence_period_idx').on(t.periodId)],
);
