import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicStats } from '../../../../server/features/public/public.contract.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export function RegionTable({ regions }: { regions: PublicStats['regions'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = regions
    .filter((r) => r.ongoingActions > 0)
    .sort((a, b) => b.ongoingActions - a.ongoingActions);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby="region-table-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="region-table-caption">{t('portal.regions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.regions.region')}</th>
            <th scope="col">{t('portal.regions.actions')}</th>
            <th scope="col">{t('portal.regions.countries')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((region) => (
            <tr key={region.code} data-region={region.code}>
              <th scope="row">
                <Link to={`/regions/${region.code}`}>{region.name}</Link>
              </th>
              <td>{formatNumber(region.ongoingActions, language)}</td>
              <td>{formatNumber(region.countries, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
