import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { EventList } from '../components/event-list.tsx';
import { Figures } from '../components/figures.tsx';
import { PortfolioMap } from '../components/portfolio-map.tsx';
import { QueryState } from '../components/query-state.tsx';
import { RegionTable } from '../components/region-table.tsx';
import { ResourceList } from '../components/resource-list.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { TopicShares } from '../components/topic-shares.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.title'),
  description: t('portal.home.description'),
});

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageHead(head);
  const stats = usePortalQuery(q.stats(language));
  const events = usePortalQuery(q.events(language, 3));
  const resources = usePortalQuery(q.resources(language, 4));
  return (
    <div className="stack-xl">
      <div className="intro">
        <h1>{t('portal.heading')}</h1>
        <p className="lead">{t('portal.intro')}</p>
        <p className="actions-row">
          <Link to="/request-assistance" className="button">
            {t('portal.home.requestCta')}
          </Link>
          <Link to="/actions" className="button button-secondary">
            {t('portal.home.actionsCta')}
          </Link>
        </p>
      </div>

      <QueryState query={stats}>
        {(data) => (
          <>
            <SectionBoundary>
              <section aria-labelledby="facility-figures">
                <h2 id="facility-figures">{t('portal.figures')}</h2>
                <Figures
                  figures={[
                    {
                      key: 'ongoing',
                      label: t('portal.counters.ongoing', { count: data.ongoingActions }),
                      value: data.ongoingActions,
                    },
                    {
                      key: 'countries',
                      label: t('portal.counters.countries', { count: data.countries }),
                      value: data.countries,
                    },
                    {
                      key: 'activities',
                      label: t('portal.counters.activities', { count: data.activitiesHeld }),
                      value: data.activitiesHeld,
                    },
                    {
                      key: 'experts',
                      label: t('portal.counters.experts', { count: data.expertsDeployed }),
                      value: data.expertsDeployed,
                    },
                  ]}
                />
              </section>
            </SectionBoundary>
            <SectionBoundary>
              <section aria-labelledby="topic-shares-heading">
                <h2 id="topic-shares-heading">{t('portal.topics.heading')}</h2>
                <TopicShares topics={data.topics} />
              </section>
            </SectionBoundary>
            <SectionBoundary>
              <section aria-labelledby="map-heading">
                <h2 id="map-heading">{t('portal.map.heading')}</h2>
                <PortfolioMap countries={data.countries} />
              </section>
            </SectionBoundary>
            <SectionBoundary>
              <section aria-labelledby="regions-heading">
                <h2 id="regions-heading">{t('portal.regions.title')}</h2>
                <RegionTable regions={data.regions} />
              </section>
            </SectionBoundary>
          </>
        )}
      </QueryState>

      <SectionBoundary>
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{t('portal.events.upcoming')}</h2>
          <QueryState query={events}>
            {(data) =>
              data.upcoming.length === 0 ? (
                <p>{t('portal.events.noneUpcoming')}</p>
              ) : (
                <EventList events={data.upcoming} />
              )
            }
          </QueryState>
          <p>
            <Link to="/events">{t('portal.events.all')}</Link>
          </p>
        </section>
      </SectionBoundary>

      <SectionBoundary>
        <section aria-labelledby="resources-heading">
          <h2 id="resources-heading">{t('portal.resources.latest')}</h2>
          <QueryState query={resources}>{(data) => <ResourceList resources={data.items} />}</QueryState>
        </section>
      </SectionBoundary>
    </div>
  );
}
