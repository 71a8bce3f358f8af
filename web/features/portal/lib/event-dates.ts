import type { PublicEvent } from '../../../../server/features/events/events.contract.ts';

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** "Saturday 18 October 2027", in the reader's language. */
export function longDate(isoDate: string, language: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone }).format(
    isoDate.length === 10 ? utc(isoDate) : new Date(isoDate),
  );
}

/** "18 October": the day a yearly awareness day falls on. */
export function dayOfYear(month: number, day: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, day)),
  );
}

/** The city of an IANA time zone, to say whose clock the times are on: "Africa/Accra" → "Accra". */
export const zoneCity = (timeZone: string) => (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');

/** When an event takes place: its day(s), and for a timed event its hours on the venue's clock. */
export function eventWhen(event: PublicEvent, language: string) {
  const zone = event.timeZone ?? 'UTC';
  if (!event.startsAt) {
    const first = longDate(event.startDate, language);
    return { date: event.endDate ? `${first} – ${longDate(event.endDate, language)}` : first, hours: null };
  }
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const start = new Date(event.startsAt);
  const end = event.endsAt ? new Date(event.endsAt) : null;
  return {
    date: longDate(event.startsAt, language, zone),
    hours: end ? `${time.format(start)}–${time.format(end)}` : time.format(start),
    city: zoneCity(zone),
  };
}
