import ical, { ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import { type Language, pickText } from '../../kernel/localized.ts';
import type { CalendarRow } from './events.service.ts';

const utcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const dayAfter = (isoDate: string) => new Date(utcDay(isoDate).getTime() + 24 * 60 * 60 * 1000);

/**
 * The public calendar as iCalendar (RFC 5545): awareness days as yearly all-day events from the
 * first year they were observed, events as whole days or as UTC time spans. UIDs are stable, so a
 * subscribed calendar updates an entry rather than adding a second one; DTSTAMP is the entry's last
 * change, so the feed is the same until something changes.
 */
export function calendarFeed(
  rows: CalendarRow[],
  { lang, host, name, portalUrl }: { lang: Language; host: string; name: string; portalUrl: string },
): string {
  const calendar = ical({
    name,
    prodId: { company: 'Tandem', product: 'Public portal', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url: `${portalUrl}/events`,
  });
  for (const row of rows) {
    const summary = pickText(row.title, lang);
    const description = pickText(row.summary, lang);
    const common = {
      id: `${row.id}@${host}`,
      stamp: row.updatedAt,
      summary,
      description: description || undefined,
      location: row.location ?? undefined,
      url: row.url ?? `${portalUrl}/events`,
    };
    if (row.kind === 'awareness_day' || !row.startsAt) {
      calendar.createEvent({
        ...common,
        allDay: true,
        start: utcDay(row.startDate),
        // DTEND of an all-day event is the day after its last day.
        end: dayAfter(row.endDate ?? row.startDate),
        repeating: row.recursYearly ? { freq: ICalEventRepeatingFreq.YEARLY } : undefined,
      });
    } else {
      calendar.createEvent({ ...common, start: row.startsAt, end: row.endsAt ?? row.startsAt });
    }
  }
  return calendar.toString();
}
