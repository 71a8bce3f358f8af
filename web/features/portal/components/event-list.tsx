import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicAwarenessDay, PublicEvent } from '../../../../server/features/events/events.contract.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { dayOfYear, eventWhen, longDate } from '../lib/event-dates.ts';

export function EventList({ events, headingLevel = 3 }: { events: PublicEvent[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="event-list">
      {events.map((event) => {
        const when = eventWhen(event, language);
        return (
          <li key={event.id} className="event" data-event={event.id}>
            <Heading className="event-title" dir="auto">
              {event.title}
            </Heading>
            <p className="event-when">
              <time dateTime={event.startsAt ?? event.startDate}>{when.date}</time>
              {when.hours && (
                <>
                  {', '}
                  {t('portal.events.hours', { hours: when.hours, city: when.city })}
                </>
              )}
            </p>
            {event.location && <p className="event-where">{event.location}</p>}
            {event.summary && <p dir="auto">{event.summary}</p>}
            {(event.awarenessDay || event.action) && (
              <p className="card-meta">
                {event.awarenessDay && t('portal.events.around', { day: event.awarenessDay.title })}
                {event.awarenessDay && event.action && ' · '}
                {event.action && (
                  <Link to={`/actions/${event.action.id}`}>
                    {t('portal.events.ofAction', { action: event.action.name })}
                  </Link>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function AwarenessDays({ days }: { days: PublicAwarenessDay[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="awareness-days">
      {days.map((day) => (
        <li key={day.id} className="awareness-day">
          <p className="awareness-date">{dayOfYear(day.month, day.day, language)}</p>
          <div>
            <h3 className="event-title">{day.title}</h3>
            <p className="card-meta">
              {t('portal.events.since', { year: day.sinceYear })} ·{' '}
              {t('portal.events.next', { date: longDate(day.nextDate, language) })}
            </p>
            {day.summary && <p dir="auto">{day.summary}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
