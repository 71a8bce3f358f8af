import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/** The fills of the server's map (server/features/portal/portal-map.ts), for the legend. */
const legend = [
  { key: 'one', fill: '#a5d8ff', count: 1 },
  { key: 'two', fill: '#4dabf7', count: 2 },
  { key: 'more', fill: '#1864ab', count: 3 },
] as const;

/**
 * The choropleth drawn by the server as an image: no map code in the browser. Its alternative is
 * the table of countries on the map page (linked here), which holds the same figures.
 */
export function PortfolioMap({
  region,
  countries,
  large = false,
}: {
  region?: string;
  countries: number;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const src = region ? `/api/public/map.svg?region=${encodeURIComponent(region)}` : '/api/public/map.svg';
  return (
    <figure className={large ? 'map map-large' : 'map'}>
      <img
        src={src}
        width={960}
        height={region ? 560 : 470}
        alt={t('portal.map.alt', { count: countries, formatted: formatNumber(countries, language) })}
        loading={large ? 'eager' : 'lazy'}
        decoding="async"
      />
      <figcaption>
        <ul className="map-legend" aria-label={t('portal.map.legend')}>
          {legend.map((item) => (
            <li key={item.key}>
              <span className="swatch" style={{ background: item.fill }} aria-hidden="true" />
              {t(`portal.map.legendItem.${item.key}`)}
            </li>
          ))}
        </ul>
        {!large && (
          <Link to="/map" className="map-table-link">
            {t('portal.map.tableLink')}
          </Link>
        )}
      </figcaption>
    </figure>
  );
}
