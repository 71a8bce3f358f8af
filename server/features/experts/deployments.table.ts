import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { activities } from '../activities/activities.table.ts';
import { users } from '../auth/auth.table.ts';
import { deploymentRoles } from './deployments.values.ts';
import { experts } from './experts.table.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export { deploymentRoles } from './deployments.values.ts';

export const deploymentRole = pgEnum('deployment_role', deploymentRoles);

/** An expert deployed on an activity, in a role, for a number of working days. */
export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    role: deploymentRole('role').notNull(),
    days: integer('days').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deployments_expert_activity_key').on(t.expertId, t.activityId),
    index('deployments_activity_idx').on(t.activityId),
  ],
);

/**
 * Who was deployed where and when: one row per (Action, year, expert) for each expert deployed on an
 * activity (not cancelled) of the Action, in the year the activity starts. Kept by triggers on
 * deployments and activities in the writer's transaction (migration 0032, decision 117), so that
 * counting experts reads these rows instead of joining every deployment to its activity.
 */
export const deployedExperts = pgTable(
  'deployed_experts',
  {
    actionId: uuid('action_id').notNull(),
    year: integer('year').notNull(),
    expertId: uuid('expert_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.year, t.expertId] }),
    index('deployed_experts_expert_idx').on(t.expertId),
    // The experts per year over every Action, counted in the index's order (no sort, no hash).
    index('deployed_experts_year_idx').on(t.year, t.expertId),
  ],
);

/**
 * How many experts `deployed_experts` holds over every Action: in each year (`year`), and in all
 * (`year` null), as rows of changes to add up. A writer appends what it moved rather than updating
 * one shared row, so writers never wait for each other here; the rows are summed into one per year
 * now and then (migration 0036, decision 121).
 */
export const deployedExpertCounts = pgTable('deployed_expert_counts', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  year: integer('year'),
  experts: integer('experts').notNull(),
});

/** The facility's feedback on one deployment, written once the activity is held. */
export const deploymentFeedback = pgTable('deployment_feedback', {
  deploymentId: uuid('deployment_id')
    .primaryKey()
    .references(() => deployments.id, { onDelete: 'cascade' }),
  /** 1 (poor) to 5 (excellent). */
  score: smallint('score').notNull(),
  comment: text('comment').notNull().default(''),
  givenBy: uuid('given_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
