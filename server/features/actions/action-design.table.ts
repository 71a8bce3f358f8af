import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.ts';
import { actionStatus, actions } from './actions.table.ts';

/** A deliverable the design plans; the deliverables themselves are created as the work advances. */
export interface PlannedDeliverable {
  type: string;
  title: string;
}

/**
 * The design of an Action and what is written at its closure, one row per Action (kept apart from
 * `actions` so that the portfolio's core record stays small). A missing row is an empty design.
 * Edits are guarded by the Action's own `version`, which every change to this row increments too.
 */
export const actionDesigns = pgTable('action_designs', {
  actionId: uuid('action_id')
    .primaryKey()
    .references(() => actions.id, { onDelete: 'cascade' }),
  overallObjective: text('overall_objective').notNull().default(''),
  specificObjectives: jsonb('specific_objectives').$type<string[]>().notNull().default([]),
  plannedDeliverables: jsonb('planned_deliverables').$type<PlannedDeliverable[]>().notNull().default([]),
  plannedActivities: integer('planned_activities'),
  plannedExpertDays: integer('planned_expert_days'),
  lessonsLearnt: text('lessons_learnt').notNull().default(''),
  closingSummary: text('closing_summary').notNull().default(''),
  /** Why the Action was last suspended or cancelled. */
  statusReason: text('status_reason'),
  /** The status a suspended Action returns to when it resumes. */
  suspendedFrom: actionStatus('suspended_from'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The partner's (and the team's) comments on an Action's design. */
export const actionDesignComments = pgTable(
  'action_design_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_design_comments_action_idx').on(t.actionId, t.createdAt)],
);

export const timelineAudiences = ['all', 'staff'] as const;
export const timelineAudience = pgEnum('timeline_audience', timelineAudiences);

/**
 * What happened in an Action, in order: status changes, deployments, deliverables moving through
 * their workflow. Activities appear in the timeline from their own dates, not from here. An event
 * about an internal deliverable is for the staff only.
 */
export const actionEvents = pgTable(
  'action_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** `action.started`, `deliverable.validated`, `expert.deployed`, ... */
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    /** What the event is about, as people call it: the deliverable's or the activity's title. */
    label: text('label').notNull().default(''),
    audience: timelineAudience('audience').notNull().default('all'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('action_events_action_idx').on(t.actionId, t.at)],
);
