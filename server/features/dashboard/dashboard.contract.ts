import { z } from 'zod';
import { countryCode, shortCode } from '../../kernel/http/common.contract.ts';
import { actionStatus } from '../actions/actions.contract.ts';

/** Every chart of the dashboard; each has a table (its rows) that exports to CSV and XLSX. */
export const chartIds = [
  'actionsByStatus',
  'actionsByTopic',
  'actionsByRegion',
  'actionsByYear',
  'activitiesHeld',
  'officialsTrained',
  'expertsDeployed',
  'requestFunnel',
] as const;
export const chartId = z.enum(chartIds);
export type ChartId = z.infer<typeof chartId>;

/** Filters that apply to every chart (the funnel takes all but the Action status). */
export const dashboardQuery = z.strictObject({
  topic: shortCode.optional(),
  region: shortCode.optional(),
  country: countryCode.optional(),
  status: actionStatus.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const chartRow = z.object({
  key: z.string().describe('A stable code: a status, topic or region code, a year, a quarter, a stage'),
  label: z.string().describe('In the language of Accept-Language'),
  count: z.number().int(),
  medianDays: z.number().nullable().optional().describe('The request funnel only'),
});
export type ChartRow = z.infer<typeof chartRow>;

export const chart = z.object({
  id: chartId,
  title: z.string(),
  /** A figure beside the chart, where the rows do not add up to it (different experts in all). */
  total: z.number().int().nullable(),
  rows: z.array(chartRow),
});
export type Chart = z.infer<typeof chart>;

export const dashboardBody = z.object({ charts: z.array(chart) });
export type DashboardBody = z.infer<typeof dashboardBody>;

export const tableFormats = ['csv', 'xlsx'] as const;
/** A chart's table as a file: which chart, which format, and the dashboard's filters. */
export const chartTableQuery = dashboardQuery.extend({ chart: chartId, format: z.enum(tableFormats) });
