import {
  type AnyPgColumn,
  boolean,
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
import type { LocalizedText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';

export const eventKinds = ['awareness_day', 'event'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKind = pgEnum('event_kind', eventKinds);

/**
 * The portal's calendar: the awareness days the field marks every year (EU Anti-Trafficking Day on
 * 18 October since 2007, ...) and the events the facility and its partners hold around them.
 * An awareness day recurs yearly from its `startDate` (the first one observed). An event lasts whole
 * days (`startsAt` null) or runs from `startsAt` to `endsAt`, shown in the venue's `timeZone`.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: eventKind('kind').notNull(),
    /** A stable name for an awareness day (`eu-anti-trafficking-day`), for links and seed data. */
    code: text('code').unique(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull().default({}),
    /** The first day (for an awareness day, the first year it was observed). */
    startDate: date('start_date').notNull(),
    /** The last day of an event of several whole days; null for one day. */
    endDate: date('end_date'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** IANA time zone of the venue, e.g. `Europe/Brussels`; times are shown there. */
    timeZone: text('time_zone'),
    recursYearly: boolean('recurs_yearly').notNull().default(false),
    location: text('location'),
    /** Where to read more or register; an https address. */
    url: text('url'),
    /** The awareness day an event is held around. */
    awarenessDayId: uuid('awareness_day_id').references((): AnyPgColumn => events.id, {
      onDelete: 'set null',
    }),
    /** The Action an event belongs to, if any. */
    actionId: uuid('action_id').references(() => actions.id, { onDelete: 'set null' }),
    /** Only public events appear on the portal and in the calendar feed. */
    isPublic: boolean('is_public').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_start_date_idx').on(t.startDate), index('events_kind_idx').on(t.kind)],
);
