import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../kernel/files/files.table.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { activityModalities, activityStatuses, activityTypes } from './activities.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export {
  type ActivityStatus,
  type ActivityType,
  activityModalities,
  activityStatuses,
  activityTypes,
} from './activities.values.ts';

export const activityType = pgEnum('activity_type', activityTypes);

export const activityModality = pgEnum('activity_modality', activityModalities);

export const activityStatus = pgEnum('activity_status', activityStatuses);

/** One activity of an Action: a mission, a workshop, a training, a study visit... */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    type: activityType('type').notNull(),
    /** The public reads the titles of held activities, so they may carry several languages. */
    title: jsonb('title').$type<LocalizedText>().notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    modality: activityModality('modality').notNull(),
    city: text('city'),
    countryCode: char('country_code', { length: 2 }).references(() => countries.code),
    /** ISO 639 codes of the languages the activity is held in. */
    workingLanguages: text('working_languages').array().notNull().default([]),
    agenda: text('agenda').notNull().default(''),
    status: activityStatus('status').notNull().default('planned'),
    /** Why it was postponed or cancelled. */
    statusReason: text('status_reason'),
    reportSummary: text('report_summary'),
    reportFileId: uuid('report_file_id').references(() => storedFiles.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_action_idx').on(t.actionId, t.startDate),
    // Overlap checks and the calendar look activities up by date.
    index('activities_dates_idx').on(t.startDate, t.endDate),
    // The longest activity, which bounds the start of the activities that overlap a period.
    index('activities_duration_idx').on(sql`(${t.endDate} - ${t.startDate})`),
    // The list's order: a page is read from the index, not sorted from all.
    index('activities_listed_idx').on(t.startDate, t.id),
    // The activities held, which the reports count per Action and per quarter from the index alone.
    index('activities_held_idx').on(t.actionId, t.startDate).where(sql`${t.status} in ('held', 'reported')`),
    // Over every Action: the dashboard's quarters read the days activities started in order, and
    // the results count the activities that ended in a year (of some Actions: with their Action),
    // each from an index alone.
    index('activities_held_start_idx').on(t.startDate).where(sql`${t.status} in ('held', 'reported')`),
    index('activities_held_end_idx')
      .on(t.endDate, t.actionId)
      .where(sql`${t.status} in ('held', 'reported')`),
  ],
);
