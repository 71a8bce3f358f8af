import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Language } from '../../kernel/localized.ts';
import type { SheetTable } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import type { ReportFilters } from '../actions/actions.for-reporting.ts';
import { chartSources } from './dashboard.charts.ts';
import type { Chart, ChartId, DashboardBody, DashboardQuery } from './dashboard.contract.ts';
import { CHART_TITLES, COLUMN_LABELS } from './dashboard.labels.ts';

/** Who reads the dashboard: the facility's staff and the steering committee. */
export const DASHBOARD_ROLES = ['admin', 'officer', 'steering'] as const;

const filtersOf = (query: DashboardQuery): ReportFilters => ({ ...query });

/** Every chart of the dashboard under the same filters. */
export async function getDashboard(
  db: Db,
  actor: Actor | null,
  query: DashboardQuery,
  lang: Language,
): Promise<DashboardBody> {
  requireRole(actor, DASHBOARD_ROLES);
  const filters = filtersOf(query);
  // Side by side: on PostgreSQL each chart's statements take connections of the pool (a few at a time,
  // queryReportRows), so a cold dashboard does not wait for the sum of its charts (PGlite runs them in turn).
  const charts: Chart[] = await Promise.all(
    chartSources.map(async (source) => ({
      id: source.id,
      title: CHART_TITLES[lang][source.id],
      ...(await source.compute(db, filters, lang)),
    })),
  );
  return { charts };
}

/** One chart, for its table's download. */
export async function getChart(
  db: Db,
  actor: Actor | null,
  id: ChartId,
  query: DashboardQuery,
  lang: Language,
): Promise<Chart> {
  requireRole(actor, DASHBOARD_ROLES);
  const source = chartSources.find((s) => s.id === id);
  if (!source) throw notFound('Chart');
  const data = await source.compute(db, filtersOf(query), lang);
  return { id, title: CHART_TITLES[lang][id], ...data };
}

/** A chart's table as a spreadsheet: one row per category, headings in the reader's language. */
export function chartTable(chart: Chart, lang: Language): SheetTable {
  const words = COLUMN_LABELS[lang];
  const funnel = chart.rows.some((row) => row.medianDays !== undefined);
  const rows: SheetTable['rows'] = chart.rows.map((row) => ({
    key: row.key,
    label: row.label,
    count: row.count,
    medianDays: row.medianDays ?? null,
  }));
  if (chart.total !== null) rows.push({ key: 'total', label: words.total, count: chart.total });
  return {
    name: chart.title,
    columns: [
      { key: 'key', header: 'code' },
      { key: 'label', header: words.label, width: 40 },
      { key: 'count', header: words.count },
      ...(funnel ? [{ key: 'medianDays', header: words.medianDays, width: 28 }] : []),
    ],
    rows,
  };
}
