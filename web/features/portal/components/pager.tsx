import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { actionsHref } from '../lib/action-filters.ts';

type Props = { page: number; pageSize: number; total: number };

/** Pages as links, so that each page of results has an address and works before scripts run. */
export function Pager({ page, pageSize, total }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const numbers = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages);
  return (
    <nav className="pager" aria-label={t('pagination.label')}>
      <p>
        {t('pagination.range', {
          first: formatNumber(first, language),
          last: formatNumber(last, language),
          total: formatNumber(total, language),
          count: total,
        })}
      </p>
      {pages > 1 && (
        <ul>
          {page > 1 && (
            <li>
              <Link to={actionsHref(search, { page: page - 1 })} rel="prev">
                {t('pagination.previous')}
              </Link>
            </li>
          )}
          {numbers.map((n) => (
            <li key={n}>
              <Link
                to={actionsHref(search, { page: n })}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: formatNumber(n, language) })}
              >
                {formatNumber(n, language)}
              </Link>
            </li>
          ))}
          {page < pages && (
            <li>
              <Link to={actionsHref(search, { page: page + 1 })} rel="next">
                {t('pagination.next')}
              </Link>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
