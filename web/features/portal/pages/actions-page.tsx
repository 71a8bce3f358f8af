import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { ActionCards } from '../components/action-card.tsx';
import { ActionsFilterForm } from '../components/actions-filter-form.tsx';
import { Pager } from '../components/pager.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { actionFiltersFrom } from '../lib/action-filters.ts';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.actions.title'),
  description: t('portal.actions.description'),
});

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  usePageHead(head);
  const filters = actionFiltersFrom(search);
  const taxonomy = usePortalQuery(q.taxonomy(language));
  const actions = usePortalQuery(q.actions(language, filters), { keepPrevious: true });
  const countKey = filters.status === 'completed' ? 'completedCount' : filters.status ? 'count' : 'allCount';
  return (
    <div className="stack-lg">
      <div className="intro">
        <h1>{t('portal.actions.title')}</h1>
        <p className="lead">{t('portal.actions.intro')}</p>
      </div>
      <ActionsFilterForm taxonomy={taxonomy.data} />
      <SectionBoundary>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            {t('portal.actions.results')}
          </h2>
          <QueryState query={actions}>
            {(data) => (
              <>
                <p className="result-count" aria-live="polite">
                  {t(`portal.actions.${countKey}`, { count: data.total })}
                </p>
                {data.items.length === 0 ? (
                  <p>{t('portal.actions.empty')}</p>
                ) : (
                  <ActionCards actions={data.items} />
                )}
                <Pager page={data.page} pageSize={data.pageSize} total={data.total} />
              </>
            )}
          </QueryState>
        </section>
      </SectionBoundary>
    </div>
  );
}
