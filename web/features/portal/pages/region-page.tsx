import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicRegionPage } from '../../../../server/features/public/public.contract.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { ActionCards } from '../components/action-card.tsx';
import { CountryTable } from '../components/country-table.tsx';
import { Figures } from '../components/figures.tsx';
import { PortfolioMap } from '../components/portfolio-map.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t, language, params, data }) => {
  const region = data(q.region(language, params.code ?? ''));
  if (!region) return { title: t('portal.region.fallbackTitle'), description: t('portal.home.description') };
  return {
    title: region.name,
    description: t('portal.region.description', { region: region.name, count: region.ongoingActions }),
  };
};

function RegionBody({ region }: { region: PublicRegionPage }) {
  const { t } = useTranslation();
  return (
    <div className="stack-xl">
      <div className="intro">
        <p className="eyebrow">{t('portal.region.eyebrow')}</p>
        <h1>{region.name}</h1>
        <p className="lead">
          {t('portal.region.intro', { region: region.name, count: region.ongoingActions })}
        </p>
      </div>
      <SectionBoundary>
        <section aria-labelledby="region-figures">
          <h2 id="region-figures">{t('portal.figures')}</h2>
          <Figures
            figures={[
              {
                key: 'ongoing',
                label: t('portal.counters.ongoing', { count: region.ongoingActions }),
                value: region.ongoingActions,
              },
              {
                key: 'countries',
                label: t('portal.counters.countries', { count: region.countries }),
                value: region.countries,
              },
              {
                key: 'activities',
                label: t('portal.counters.activities', { count: region.activitiesHeld }),
                value: region.activitiesHeld,
              },
              {
                key: 'experts',
                label: t('portal.counters.expertsInvolved', { count: region.expertsDeployed }),
                value: region.expertsDeployed,
              },
            ]}
          />
        </section>
      </SectionBoundary>
      <SectionBoundary>
        <section aria-labelledby="region-map">
          <h2 id="region-map">{t('portal.map.heading')}</h2>
          <PortfolioMap region={region.code} countries={region.countries} />
          {region.countryFigures.length > 0 && (
            <CountryTable
              rows={region.countryFigures}
              caption={t('portal.region.countriesCaption', { region: region.name })}
            />
          )}
        </section>
      </SectionBoundary>
      <SectionBoundary>
        <section aria-labelledby="region-actions">
          <h2 id="region-actions">{t('portal.region.actions')}</h2>
          {region.actions.length === 0 ? (
            <p>{t('portal.region.noActions')}</p>
          ) : (
            <ActionCards actions={region.actions} />
          )}
          <p>
            <Link to={`/actions?region=${region.code}&status=all`}>{t('portal.region.allActions')}</Link>
          </p>
        </section>
      </SectionBoundary>
    </div>
  );
}

export function Page() {
  const language = useLanguage();
  const { code = '' } = useParams();
  usePageHead(head);
  const region = usePortalQuery(q.region(language, code));
  return <QueryState query={region}>{(data) => <RegionBody region={data} />}</QueryState>;
}
