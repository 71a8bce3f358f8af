import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicStats } from '../../../../server/features/public/public.contract.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/**
 * The share of ongoing Actions per topic, as a table any screen reader reads; the bars only repeat
 * the percentage for the eye. Each topic links to its page.
 */
export function TopicShares({ topics }: { topics: PublicStats['topics'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = topics.filter((topic) => topic.count > 0).sort((a, b) => b.share - a.share);
  if (rows.length === 0) return <p>{t('portal.topics.empty')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby="topic-shares-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="topic-shares-caption">{t('portal.topics.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.topics.topic')}</th>
            <th scope="col">{t('portal.topics.count')}</th>
            <th scope="col">{t('portal.topics.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((topic) => (
            <tr key={topic.code} data-topic={topic.code}>
              <th scope="row">
                <Link to={`/topics/${topic.code}`}>{topic.name}</Link>
              </th>
              <td>{formatNumber(topic.count, language)}</td>
              <td>
                <span className="share-line">
                  <span className="share-value">{formatPercent(topic.share, language)}</span>
                  <span className="share-meter" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.max(0, topic.share * 100))}%` }} />
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-note">{t('portal.topics.note')}</p>
    </section>
  );
}
