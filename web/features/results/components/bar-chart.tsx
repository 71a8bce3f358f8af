/**
 * A small grouped bar chart in SVG: for each group (a period, a region), one bar per series
 * (target and actual; women and men). The chart is an image with a short label; the table that
 * always follows it carries the figures for screen readers and for reading exact values.
 */
export interface BarSeries {
  key: string;
  label: string;
  /** A fill colour with enough contrast against white (3:1 for graphics). */
  color: string;
  /** Drawn as an outline instead of a filled bar (targets). */
  outline?: boolean;
}

export interface BarGroup {
  label: string;
  values: Record<string, number | null>;
}

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 36, left: 40 };

export function BarChart({
  series,
  groups,
  label,
  format = (n: number) => String(n),
}: {
  series: BarSeries[];
  groups: BarGroup[];
  label: string;
  format?: (n: number) => string;
}) {
  const values = groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0));
  const max = Math.max(1, ...values);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const groupW = innerW / Math.max(1, groups.length);
  const barW = Math.min(36, (groupW * 0.8) / series.length);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, max / 2, max].map((v) => Math.round(v * 10) / 10);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, height: 'auto', display: 'block' }}
        role="img"
        aria-label={label}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#d0d0d0" />
            <text x={PAD.left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#4a4a4a">
              {format(tick)}
            </text>
          </g>
        ))}
        {groups.map((g, gi) => {
          const x0 = PAD.left + gi * groupW + (groupW - barW * series.length) / 2;
          return (
            <g key={g.label}>
              {series.map((s, si) => {
                const v = g.values[s.key];
                if (v === null || v === undefined) return null;
                const top = y(v);
                return (
                  <rect
                    key={s.key}
                    x={x0 + si * barW + 1}
                    y={top}
                    width={barW - 2}
                    height={Math.max(0, PAD.top + innerH - top)}
                    fill={s.outline ? 'white' : s.color}
                    stroke={s.color}
                    strokeWidth={s.outline ? 2 : 0}
                    strokeDasharray={s.outline ? '4 2' : undefined}
                  />
                );
              })}
              <text
                x={PAD.left + gi * groupW + groupW / 2}
                y={HEIGHT - PAD.bottom + 16}
                fontSize="11"
                textAnchor="middle"
                fill="#1a1a1a"
              >
                {g.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', fontSize: '0.875rem' }}>
        {series.map((s) => (
          <span key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.35rem' }}>
            <svg width="14" height="14" aria-hidden="true">
              <rect
                x="1"
                y="1"
                width="12"
                height="12"
                fill={s.outline ? 'white' : s.color}
                stroke={s.color}
                strokeWidth="2"
                strokeDasharray={s.outline ? '3 2' : undefined}
              />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
