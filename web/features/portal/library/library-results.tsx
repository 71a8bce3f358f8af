import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { LibraryItem, LibraryPage } from '../../../../server/features/library/library.contract.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { languages } from '../../../lib/languages.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { libraryHref } from '../lib/library-filters.ts';

export const languageNameOf = (code: string) => languages.find((l) => l.code === code)?.name ?? code;

/** Where the words searched for occur, marked. */
function Snippet({ parts, language }: { parts: LibraryItem['snippet']; language: string }) {
  if (parts.length === 0) return null;
  return (
    <p className="snippet" lang={language} dir="auto">
      {parts.map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move
        part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

export function LibraryItemMeta({ item }: { item: Omit<LibraryItem, 'snippet'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="card-meta">
      {item.typeName} · <span lang={item.language}>{languageNameOf(item.language)}</span> ·{' '}
      {formatDate(item.publishedOn, language)} ·{' '}
      <Link to={`/actions/${item.action.id}`}>{item.action.name}</Link>
      {!item.textAvailable && <> · {t('portal.library.noText')}</>}
    </p>
  );
}

function LibraryResult({ item }: { item: LibraryItem }) {
  const { t } = useTranslation();
  return (
    <li className="library-result">
      <h3 className="card-title" id={`doc-${item.id}`}>
        <Link to={`/library/${item.id}`} dir="auto">
          {item.title}
        </Link>
      </h3>
      <LibraryItemMeta item={item} />
      {item.snippet.length > 0 ? (
        <Snippet parts={item.snippet} language={item.language} />
      ) : (
        item.summary && <p dir="auto">{item.summary}</p>
      )}
      {item.downloadUrl && (
        <p>
          <a href={item.downloadUrl} hrefLang={item.language} aria-describedby={`doc-${item.id}`}>
            {t('portal.library.download')}
          </a>
        </p>
      )}
    </li>
  );
}

export function LibraryResults({ page }: { page: LibraryPage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const count = formatNumber(page.total, language);
  return (
    <>
      <p className="result-count" aria-live="polite">
        {page.totalIsLowerBound
          ? t('portal.library.countMore', { count: page.total, formatted: count })
          : t('portal.library.count', { count: page.total, formatted: count })}
        {page.order === 'relevance' && page.rankedWithin !== null && page.totalIsLowerBound && (
          <>
            {' '}
            {t('portal.library.rankedWithin', {
              count: page.rankedWithin,
              formatted: formatNumber(page.rankedWithin, language),
            })}
          </>
        )}
      </p>
      {page.items.length === 0 ? (
        <p>{t('portal.library.empty')}</p>
      ) : (
        <ol className="library-results">
          {page.items.map((item) => (
            <LibraryResult key={item.id} item={item} />
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('pagination.label')}>
          <ul>
            {page.page > 1 && (
              <li>
                <Link to={libraryHref(search, page.page - 1)} rel="prev">
                  {t('pagination.previous')}
                </Link>
              </li>
            )}
            <li>
              <span aria-current="page">
                {t('pagination.page', { page: formatNumber(page.page, language) })}
              </span>
            </li>
            {page.page < pages && page.items.length === page.pageSize && (
              <li>
                <Link to={libraryHref(search, page.page + 1)} rel="next">
                  {t('pagination.next')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
