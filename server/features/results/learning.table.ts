import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { activities } from '../activities/activities.table.ts';
import { users } from '../auth/auth.table.ts';
import { participations } from '../participants/participants.table.ts';
import { testPhases } from './learning.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export { type TestPhase, testPhases } from './learning.values.ts';

export const testPhase = pgEnum('test_phase', testPhases);

export const scoreSources = ['paper', 'link'] as const;
export const scoreSource = pgEnum('test_score_source', scoreSources);

export interface TestQuestion {
  text: string;
  options: string[];
  /** The index of the right option. */
  answer: number;
}

/** The multiple-choice test of a training, taken before (pre) and after (post). */
export const trainingTests = pgTable('training_tests', {
  activityId: uuid('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  questions: jsonb('questions').$type<TestQuestion[]>().notNull(),
  version: integer('version').notNull().default(1),
  /**
   * The version of the test's score sheet: the sheet is entered whole by staff and also filled
   * by participants' answers through links, so each change bumps it and a stale sheet is refused.
   */
  scoresVersion: integer('scores_version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A participant's score in one phase: entered from paper, or answered through a one-time link. */
export const testScores = pgTable(
  'test_scores',
  {
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id, { onDelete: 'cascade' }),
    phase: testPhase('phase').notNull(),
    score: integer('score').notNull(),
    maxScore: integer('max_score').notNull(),
    source: scoreSource('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participationId, t.phase] })],
);

/**
 * A one-time link to answer a test without signing in. Only the SHA-256 of its random token is
 * stored; it works once, until it expires.
 */
export const testLinks = pgTable(
  'test_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id, { onDelete: 'cascade' }),
    phase: testPhase('phase').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('test_links_participation_idx').on(t.participationId, t.phase)],
);

/** One answered evaluation questionnaire of an activity (scales of 1 to 5), usually anonymous. */
export const activityEvaluations = pgTable(
  'activity_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** The participant who answered, when the questionnaire was not anonymous. */
    participationId: uuid('participation_id').references(() => participations.id, { onDelete: 'set null' }),
    satisfaction: smallint('satisfaction').notNull(),
    relevance: smallint('relevance').notNull(),
    expectedUse: smallint('expected_use').notNull(),
    comment: text('comment'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_evaluations_activity_idx').on(t.activityId)],
);
