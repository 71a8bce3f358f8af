import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { AwarenessDays, EventList } from '../components/event-list.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.events.title'),
  description: t('portal.events.description'),
});

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageHead(head);
  const events = usePortalQuery(q.events(language, 50));
  return (
    <div className="stack-xl">
      <div className="intro">
        <h1>{t('portal.events.title')}</h1>
        <p className="lead">{t('portal.events.intro')}</p>
        <p>
          <a href={`/api/public/events.ics?lang=${language}`} className="button" type="text/calendar">
            {t('portal.events.subscribe')}
          </a>
        </p>
        <p className="card-meta">{t('portal.events.subscribeHelp')}</p>
      </div>
      <QueryState query={events}>
        {(data) => (
          <>
            <SectionBoundary>
              <section aria-labelledby="awareness-days">
                <h2 id="awareness-days">{t('portal.events.awarenessDays')}</h2>
                <AwarenessDays days={data.awarenessDays} />
              </section>
            </SectionBoundary>
            <SectionBoundary>
              <section aria-labelledby="upcoming-events">
                <h2 id="upcoming-events">{t('portal.events.upcoming')}</h2>
                {data.upcoming.length === 0 ? (
                  <p>{t('portal.events.noneUpcoming')}</p>
                ) : (
                  <EventList events={data.upcoming} />
                )}
              </section>
            </SectionBoundary>
            <SectionBoundary>
              <section aria-labelledby="past-events">
                <h2 id="past-events">{t('portal.events.past')}</h2>
                {data.past.length === 0 ? (
                  <p>{t('portal.events.nonePast')}</p>
                ) : (
                  <EventList events={data.past} />
                )}
              </section>
            </SectionBoundary>
          </>
        )}
      </QueryState>
    </div>
  );
}
