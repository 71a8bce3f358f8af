import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useCountryNames } from '../lib/use-country-names.ts';

type Row = { code: string; ongoingActions: number; regionCode?: string };

/** The map's figures as a table: the accessible alternative to the choropleth. */
export function CountryTable({
  rows,
  caption,
  withRegion = false,
}: {
  rows: Row[];
  caption: string;
  withRegion?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = useCountryNames();
  const regionName = (code: string | undefined) =>
    countries.taxonomy?.regions.find((region) => region.code === code)?.name ?? '';
  const collator = new Intl.Collator(language);
  const sorted = [...rows].sort(
    (a, b) =>
      b.ongoingActions - a.ongoingActions || collator.compare(countries.name(a.code), countries.name(b.code)),
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby="country-table-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="country-table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.map.country')}</th>
            {withRegion && <th scope="col">{t('portal.regions.region')}</th>}
            <th scope="col">{t('portal.regions.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code} data-country={row.code}>
              <th scope="row">
                <Link to={`/actions?country=${row.code}`}>{countries.name(row.code)}</Link>
              </th>
              {withRegion && <td>{regionName(row.regionCode)}</td>}
              <td>{formatNumber(row.ongoingActions, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
