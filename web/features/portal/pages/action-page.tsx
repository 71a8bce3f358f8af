import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicActionDetail } from '../../../../server/features/public/public.contract.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { QueryState } from '../components/query-state.tsx';
import { ResourceList } from '../components/resource-list.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { StatusLabel } from '../components/status-label.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';
import { useCountryNames } from '../lib/use-country-names.ts';

export const head: HeadOf = ({ t, language, params, data }) => {
  const action = data(q.action(language, params.id ?? ''));
  return action
    ? { title: action.name, description: `${action.title}. ${action.summary}`.slice(0, 300), type: 'article' }
    : { title: t('action.pageTitle'), description: t('portal.actions.description') };
};

const withAcronym = (item: { name: string; acronym: string | null }) =>
  item.acronym && item.acronym !== item.name ? `${item.name} (${item.acronym})` : item.name;

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="portal-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Items({ items }: { items: ReactNode[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('common.none')}</>;
  return (
    <ul className="portal-list">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function ActionDetail({ action }: { action: PublicActionDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = useCountryNames();
  const period = (start: string | null, end: string | null) =>
    start || end
      ? t('action.period', {
          start: formatDate(start, language) ?? t('common.notSet'),
          end: formatDate(end, language) ?? t('common.notSet'),
        })
      : t('common.notSet');
  return (
    <div className="stack-lg">
      <header className="intro">
        <h1>{action.name}</h1>
        <p className="lead" dir="auto">
          {action.title}
        </p>
        <StatusLabel status={action.status} />
      </header>
      <SectionBoundary>
        <section aria-labelledby="action-summary">
          <h2 id="action-summary">{t('action.summary')}</h2>
          <p className="portal-prose" dir="auto">
            {action.summary}
          </p>
        </section>
      </SectionBoundary>
      <SectionBoundary>
        <section aria-labelledby="action-facts">
          <h2 id="action-facts">{t('action.facts')}</h2>
          <dl className="portal-facts">
            <Fact term={t('action.status')}>{t(`status.${action.status}`)}</Fact>
            <Fact term={t('action.plannedPeriod')}>{period(action.plannedStart, action.plannedEnd)}</Fact>
            <Fact term={t('action.actualPeriod')}>{period(action.actualStart, action.actualEnd)}</Fact>
            <Fact term={t('action.countries')}>
              <Items
                items={action.countries.map((code) => (
                  <Link key={code} to={`/actions?country=${code}&status=all`}>
                    {countries.name(code)}
                  </Link>
                ))}
              />
            </Fact>
            <Fact term={t('action.institutions')}>
              <Items
                items={action.institutions.map((institution) =>
                  t('action.institutionWithRole', {
                    institution: withAcronym(institution),
                    role: t(`institutionRole.${institution.role}`),
                  }),
                )}
              />
            </Fact>
            <Fact term={t('action.topics')}>
              <Items
                items={action.topicNames.map((topic) => (
                  <Link key={topic.code} to={`/topics/${topic.code}`}>
                    {topic.name}
                  </Link>
                ))}
              />
            </Fact>
            <Fact term={t('action.pillars')}>
              <Items items={action.pillars.map((pillar) => pillar.name)} />
            </Fact>
            <Fact term={t('action.approaches')}>
              <Items items={action.approaches.map((approach) => approach.name)} />
            </Fact>
            <Fact term={t('action.partners')}>
              <Items items={action.partners.map(withAcronym)} />
            </Fact>
          </dl>
        </section>
      </SectionBoundary>
      <SectionBoundary>
        <section aria-labelledby="action-activities">
          <h2 id="action-activities">{t('portal.action.activities')}</h2>
          {action.activitiesByType.length === 0 ? (
            <p>{t('portal.action.noActivities')}</p>
          ) : (
            <ul className="portal-list">
              {action.activitiesByType.map((activity) => (
                <li key={activity.type}>
                  {activity.name}: {formatNumber(activity.count, language)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </SectionBoundary>
      <SectionBoundary>
        <section aria-labelledby="action-experts">
          <h2 id="action-experts">{t('portal.action.experts')}</h2>
          <p>
            {action.expertCountries.length === 0
              ? t('portal.action.noExperts')
              : countries.list(action.expertCountries)}
          </p>
        </section>
      </SectionBoundary>
      <SectionBoundary>
        <section aria-labelledby="action-deliverables">
          <h2 id="action-deliverables">{t('portal.action.deliverables')}</h2>
          <ResourceList resources={action.publishedDeliverables} />
        </section>
      </SectionBoundary>
    </div>
  );
}

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  usePageHead(head);
  const action = usePortalQuery(q.action(language, id));
  return (
    <div className="stack-lg">
      <Link to="/actions" className="back-link">
        {t('portal.backToActions')}
      </Link>
      <QueryState query={action}>{(data) => <ActionDetail action={data} />}</QueryState>
    </div>
  );
}
