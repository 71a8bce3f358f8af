import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../../server/features/dashboard/dashboard.contract.ts';
import { formatNumber } from '../../../lib/format.ts';
import { directionOf } from '../../../lib/languages.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const WIDTH = 420;
const BAR = 18;
const GAP = 30;
const LABEL = 14;
/** Dark enough on white for text and bars (contrast above 4.5:1). */
const BAR_COLOUR = '#1c5d99';
const TEXT_COLOUR = '#1a1a1a';

/**
 * A horizontal bar chart drawn as SVG: one bar per row, its label above and its figure at its end.
 * Screen readers get one description of the whole chart; the table beside it holds the figures.
 */
export function BarChart({ chart, labelledBy }: { chart: Chart; labelledBy: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const max = Math.max(1, ...chart.rows.map((r) => r.count));
  const height = chart.rows.length * (BAR + GAP) + 4;
  const descId = `${labelledBy}-desc`;
  const description = chart.rows
    .map((r) =>
      t('reporting.dashboard.barDescription', { label: r.label, count: formatNumber(r.count, language) }),
    )
    .join('; ');
  const room = WIDTH - 60;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, minWidth: 240 }}
      role="img"
      aria-labelledby={`${labelledBy} ${descId}`}
      direction={rtl ? 'rtl' : 'ltr'}
    >
      <title>{chart.title}</title>
      <desc id={descId}>{description}</desc>
      {chart.rows.map((row, i) => {
        const y = i * (BAR + GAP);
        const length = Math.max(2, (row.count / max) * room);
        const x = rtl ? WIDTH - length : 0;
        const figureX = rtl ? WIDTH - length - 6 : length + 6;
        return (
          <g key={row.key}>
            <text x={rtl ? WIDTH : 0} y={y + LABEL - 2} fontSize={12} fill={TEXT_COLOUR} textAnchor="start">
              {row.label}
            </text>
            <rect x={x} y={y + LABEL + 2} width={length} height={BAR} rx={3} fill={BAR_COLOUR} />
            <text x={figureX} y={y + LABEL + BAR - 2} fontSize={12} fill={TEXT_COLOUR} textAnchor="start">
              {formatNumber(row.count, language)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
