import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicTopicPage } from '../../../../server/features/public/public.contract.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { Figures } from '../components/figures.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';
import { useCountryNames } from '../lib/use-country-names.ts';

export const head: HeadOf = ({ t, language, params, data }) => {
  const topic = data(q.topic(language, params.code ?? ''));
  if (!topic) return { title: t('portal.topic.fallbackTitle'), description: t('portal.home.description') };
  return {
    title: topic.name,
    description: t('portal.topic.description', {
      topic: topic.name,
      count: topic.ongoingActions,
      share: formatPercent(topic.share, language),
    }),
  };
};

function Highlights({ topic }: { topic: PublicTopicPage }) {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const count = topic.highlights.length;
  return (
    <SectionBoundary>
      <section aria-labelledby="highlights-heading">
        <h2 id="highlights-heading">
          {t([`portal.topic.headline.${topic.code}`, 'portal.topic.headline.default'], {
            count,
            topic: topic.name,
          })}
        </h2>
        {count === 0 ? (
          <p>{t('portal.topic.noHighlights')}</p>
        ) : (
          <ol className="highlights">
            {topic.highlights.map((action) => (
              <li key={action.id}>
                <article className="highlight" aria-labelledby={`highlight-${action.id}`}>
                  <h3 id={`highlight-${action.id}`}>
                    {action.name}
                    <span className="highlight-where"> · {countries.list(action.countries)}</span>
                  </h3>
                  {action.requestingInstitution && (
                    <p>{t('portal.topic.requestedBy', { institution: action.requestingInstitution.name })}</p>
                  )}
                  <p dir="auto">{t('portal.topic.supports', { title: action.title })}</p>
                  {action.pillars.length > 0 && (
                    <p className="card-meta">
                      {t('common.label', { label: t('action.pillars') })}{' '}
                      {action.pillars.map((pillar) => pillar.name).join(' · ')}
                    </p>
                  )}
                  <Link to={`/actions/${action.id}`}>
                    {t('portal.topic.readMore', { action: action.name })}
                  </Link>
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>
    </SectionBoundary>
  );
}

function TopicBody({ topic }: { topic: PublicTopicPage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pillars = topic.pillars.some((pillar) => pillar.ongoingActions > 0) ? topic.pillars : [];
  return (
    <div className="stack-xl">
      <div className="intro">
        <p className="eyebrow">{topic.thematicArea.name}</p>
        <h1>{topic.name}</h1>
        <p className="lead">
          {t('portal.topic.share', {
            count: topic.ongoingActions,
            formatted: formatNumber(topic.ongoingActions, language),
            all: formatNumber(topic.allOngoingActions, language),
            share: formatPercent(topic.share, language),
          })}
        </p>
      </div>
      <SectionBoundary>
        <section aria-labelledby="topic-figures">
          <h2 id="topic-figures" className="visually-hidden">
            {t('portal.figures')}
          </h2>
          <Figures
            figures={[
              {
                key: 'ongoing',
                label: t('portal.counters.ongoing', { count: topic.ongoingActions }),
                value: topic.ongoingActions,
              },
              {
                key: 'countries',
                label: t('portal.counters.countries', { count: topic.countries }),
                value: topic.countries,
              },
            ]}
          />
        </section>
      </SectionBoundary>
      {pillars.length > 0 && (
        <SectionBoundary>
          <section aria-labelledby="pillars-heading">
            <h2 id="pillars-heading">{t('portal.topic.pillarsHeading')}</h2>
            <p>{t('portal.topic.pillarsIntro')}</p>
            <ul className="pillars">
              {pillars.map((pillar) => (
                <li key={pillar.code} className="pillar" data-pillar={pillar.code}>
                  <h3>{pillar.name}</h3>
                  <p>{t([`portal.pillars.${pillar.code}`, 'portal.pillars.other'])}</p>
                  <p className="card-meta">
                    {t('portal.topic.pillarCount', {
                      count: pillar.ongoingActions,
                      formatted: formatNumber(pillar.ongoingActions, language),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </SectionBoundary>
      )}
      <Highlights topic={topic} />
      <p>
        <Link to={`/actions?topic=${topic.code}`}>{t('portal.topic.allActions', { topic: topic.name })}</Link>
      </p>
    </div>
  );
}

export function Page() {
  const language = useLanguage();
  const { code = '' } = useParams();
  usePageHead(head);
  const topic = usePortalQuery(q.topic(language, code));
  return <QueryState query={topic}>{(data) => <TopicBody topic={data} />}</QueryState>;
}
