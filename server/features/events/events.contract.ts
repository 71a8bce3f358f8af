import { z } from 'zod';
import { LANGUAGES } from '../../kernel/localized.ts';

export const publicEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const calendarFeedQuery = z.strictObject({
  lang: z.enum(LANGUAGES).optional().describe('Language of the titles; Accept-Language otherwise'),
});

/** A day the field marks every year, with the date it falls on next. */
export const publicAwarenessDay = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  sinceYear: z.number().int(),
  nextDate: z.string().describe('ISO 8601 date of the next occurrence, today included'),
});
export type PublicAwarenessDay = z.infer<typeof publicAwarenessDay>;

/** A public event: whole days (`startsAt` null) or a time span, with the venue's time zone. */
export const publicEvent = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  startsAt: z.string().nullable().describe('ISO 8601 date-time (UTC)'),
  endsAt: z.string().nullable(),
  timeZone: z.string().nullable().describe('IANA time zone of the venue'),
  location: z.string().nullable(),
  url: z.string().nullable(),
  awarenessDay: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  action: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

export const publicEvents = z.object({
  awarenessDays: z.array(publicAwarenessDay).describe('Ordered by their next date'),
  upcoming: z.array(publicEvent).describe('Events ending today or later, soonest first'),
  past: z.array(publicEvent).describe('Events that ended, most recent first'),
});
export type PublicEvents = z.infer<typeof publicEvents>;
