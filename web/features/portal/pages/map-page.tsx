import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { CountryTable } from '../components/country-table.tsx';
import { PortfolioMap } from '../components/portfolio-map.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.map.title'),
  description: t('portal.map.description'),
});

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageHead(head);
  const figures = usePortalQuery(q.countries(language));
  const taxonomy = usePortalQuery(q.taxonomy(language));
  return (
    <div className="stack-xl">
      <div className="intro">
        <h1>{t('portal.map.title')}</h1>
        <p className="lead">{t('portal.map.intro')}</p>
      </div>
      <QueryState query={figures}>
        {(data) => (
          <>
            <PortfolioMap countries={data.countries.length} large />
            <p>
              <a href="#country-table">{t('portal.map.skipToTable')}</a>
            </p>
            <SectionBoundary>
              <section aria-labelledby="country-table-heading" id="country-table">
                <h2 id="country-table-heading">{t('portal.map.tableHeading')}</h2>
                <CountryTable rows={data.countries} caption={t('portal.map.caption')} withRegion />
              </section>
            </SectionBoundary>
          </>
        )}
      </QueryState>
      <SectionBoundary>
        <section aria-labelledby="map-regions">
          <h2 id="map-regions">{t('portal.map.byRegion')}</h2>
          <ul className="link-list">
            {(taxonomy.data?.regions ?? []).map((region) => (
              <li key={region.code}>
                <Link to={`/regions/${region.code}`}>{region.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      </SectionBoundary>
    </div>
  );
}
