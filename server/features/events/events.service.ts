import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../kernel/db/database.ts';
import { type Language, type LocalizedText, pickText } from '../../kernel/localized.ts';
import { PUBLIC_STATUSES } from '../actions/actions.scope.ts';
import { actions } from '../actions/actions.table.ts';
import { nextOccurrence } from './awareness-days.ts';
import type { PublicAwarenessDay, PublicEvent, PublicEvents } from './events.contract.ts';
import { events } from './events.table.ts';

const awarenessDays = alias(events, 'awareness_days');

export interface CalendarRow {
  id: string;
  kind: 'awareness_day' | 'event';
  title: LocalizedText;
  summary: LocalizedText;
  startDate: string;
  endDate: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string | null;
  recursYearly: boolean;
  location: string | null;
  url: string | null;
  updatedAt: Date;
  awarenessDay: { id: string; title: LocalizedText } | null;
  action: { id: string; name: string } | null;
}

/**
 * Every public calendar entry. An event names its Action only while that Action is itself public
 * (an event of an Action in design does not reveal the Action).
 */
export async function selectPublicCalendar(db: Db): Promise<CalendarRow[]> {
  const rows = await db
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      summary: events.summary,
      startDate: events.startDate,
      endDate: events.endDate,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      recursYearly: events.recursYearly,
      location: events.location,
      url: events.url,
      updatedAt: events.updatedAt,
      awarenessDayId: awarenessDays.id,
      awarenessDayTitle: awarenessDays.title,
      actionId: actions.id,
      actionName: actions.name,
    })
    .from(events)
    .leftJoin(
      awarenessDays,
      and(eq(awarenessDays.id, events.awarenessDayId), eq(awarenessDays.isPublic, true)),
    )
    .leftJoin(actions, and(eq(actions.id, events.actionId), inArray(actions.status, PUBLIC_STATUSES)))
    .where(eq(events.isPublic, true))
    .orderBy(asc(events.startDate), sql`${events.startsAt} nulls first`, asc(events.id));
  return rows.map(({ awarenessDayId, awarenessDayTitle, actionId, actionName, ...row }) => ({
    ...row,
    awarenessDay:
      awarenessDayId && awarenessDayTitle ? { id: awarenessDayId, title: awarenessDayTitle } : null,
    action: actionId && actionName ? { id: actionId, name: actionName } : null,
  }));
}

function presentEvent(row: CalendarRow, lang: Language): PublicEvent {
  return {
    id: row.id,
    title: pickText(row.title, lang),
    summary: pickText(row.summary, lang),
    startDate: row.startDate,
    endDate: row.endDate,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    timeZone: row.timeZone,
    location: row.location,
    url: row.url,
    awarenessDay: row.awarenessDay
      ? { id: row.awarenessDay.id, title: pickText(row.awarenessDay.title, lang) }
      : null,
    action: row.action,
  };
}

function presentAwarenessDay(row: CalendarRow, lang: Language, today: string): PublicAwarenessDay {
  const [year = '0', month = '1', day = '1'] = row.startDate.split('-');
  return {
    id: row.id,
    title: pickText(row.title, lang),
    summary: pickText(row.summary, lang),
    month: Number(month),
    day: Number(day),
    sinceYear: Number(year),
    nextDate: nextOccurrence(Number(month), Number(day), today),
  };
}

/** The awareness days by their next date, and the public events around `today`. */
export async function readPublicEvents(
  db: Db,
  lang: Language,
  { limit, today }: { limit: number; today: string },
): Promise<PublicEvents> {
  const rows = await selectPublicCalendar(db);
  const held = rows.filter((row) => row.kind === 'event');
  const lastDay = (row: CalendarRow) => row.endDate ?? row.startDate;
  return {
    awarenessDays: rows
      .filter((row) => row.kind === 'awareness_day')
      .map((row) => presentAwarenessDay(row, lang, today))
      .sort((a, b) => a.nextDate.localeCompare(b.nextDate)),
    upcoming: held
      .filter((row) => lastDay(row) >= today)
      .slice(0, limit)
      .map((row) => presentEvent(row, lang)),
    past: held
      .filter((row) => lastDay(row) < today)
      .reverse()
      .slice(0, limit)
      .map((row) => presentEvent(row, lang)),
  };
}
