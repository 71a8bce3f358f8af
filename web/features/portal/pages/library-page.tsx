import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { libraryFiltersFrom } from '../lib/library-filters.ts';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';
import { LibraryFilterForm } from '../library/library-filter-form.tsx';
import { LibraryResults } from '../library/library-results.tsx';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.library.title'),
  description: t('portal.library.description'),
});

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  usePageHead(head);
  const filters = libraryFiltersFrom(search);
  const taxonomy = usePortalQuery(q.taxonomy(language));
  const library = usePortalQuery(q.library(language, filters), { keepPrevious: true });
  return (
    <div className="stack-lg">
      <div className="intro">
        <h1>{t('portal.library.title')}</h1>
        <p className="lead">{t('portal.library.intro')}</p>
      </div>
      <LibraryFilterForm taxonomy={taxonomy.data} page={library.data} />
      <SectionBoundary>
        <section aria-labelledby="library-results-heading">
          <h2 id="library-results-heading" className="visually-hidden">
            {t('portal.library.results')}
          </h2>
          <QueryState query={library}>{(data) => <LibraryResults page={data} />}</QueryState>
        </section>
      </SectionBoundary>
    </div>
  );
}
