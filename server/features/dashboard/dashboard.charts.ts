import type { Db } from '../../kernel/db/database.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { ACTION_STATUS_NAMES } from '../actions/action-status-names.ts';
import { actionStatuses } from '../actions/action-statuses.ts';
import {
  actionsByRegion,
  actionsByStatus,
  actionsByTopic,
  actionsByYear,
  type ReportFilters,
  reportedActionIds,
  reportedActionIdsStarting,
} from '../actions/actions.for-reporting.ts';
import { activitiesHeldByQuarter } from '../activities/activities.for-reporting.ts';
import { expertsDeployedByYear } from '../experts/deployments.for-reporting.ts';
import { countTrainedBySex, keptFilterOf } from '../participants/participants.for-results.ts';
import { sexes } from '../participants/participants.table.ts';
import { requestFunnel } from '../requests/requests.for-reporting.ts';
import type { ChartId, ChartRow } from './dashboard.contract.ts';
import { SEX_LABELS, STAGE_LABELS } from './dashboard.labels.ts';

export interface ChartData {
  rows: ChartRow[];
  total: number | null;
}

/** One chart: how to compute its rows from the filters, in the reader's language. */
export interface ChartSource {
  id: ChartId;
  compute(db: Db, filters: ReportFilters, lang: Language): Promise<ChartData>;
}

const plain = (rows: { key: string; count: number }[]): ChartData => ({
  rows: rows.map((row) => ({ key: row.key, label: row.key, count: Number(row.count) })),
  total: null,
});

/**
 * The dashboard's charts in the order they are shown. Each reads through a small read function of
 * the feature that owns the data; a new chart is one entry here and one id in the contract.
 */
export const chartSources: ChartSource[] = [
  {
    id: 'actionsByStatus',
    async compute(db, filters, lang) {
      const counts = new Map((await actionsByStatus(db, filters)).map((r) => [r.key, Number(r.count)]));
      return {
        rows: actionStatuses.map((status) => ({
          key: status,
          label: ACTION_STATUS_NAMES[lang][status],
          count: counts.get(status) ?? 0,
        })),
        total: null,
      };
    },
  },
  {
    id: 'actionsByTopic',
    async compute(db, filters, lang) {
      const rows = await actionsByTopic(db, filters);
      return {
        rows: rows.map((r) => ({ key: r.key, label: pickText(r.name, lang), count: Number(r.count) })),
        total: null,
      };
    },
  },
  {
    id: 'actionsByRegion',
    async compute(db, filters, lang) {
      const rows = await actionsByRegion(db, filters);
      return {
        rows: rows.map((r) => ({ key: r.key, label: pickText(r.name, lang), count: Number(r.count) })),
        total: null,
      };
    },
  },
  { id: 'actionsByYear', compute: async (db, filters) => plain(await actionsByYear(db, filters)) },
  {
    id: 'activitiesHeld',
    compute: async (db, filters) =>
      plain(await activitiesHeldByQuarter(db, reportedActionIds(filters), filters.year)),
  },
  {
    id: 'officialsTrained',
    async compute(db, filters, lang) {
      // The participants feature counts per Action, so the year selects the Actions that start in it.
      // The database keeps the counts for one topic or region; not for a year an Action starts in.
      const { year: startYear, ...criteria } = filters;
      const kept = keptFilterOf({ ...criteria, startYear });
      const officials = await countTrainedBySex(db, reportedActionIdsStarting(filters), kept);
      return {
        rows: sexes.map((sex) => ({ key: sex, label: SEX_LABELS[lang][sex], count: officials[sex] })),
        total: officials.total,
      };
    },
  },
  {
    id: 'expertsDeployed',
    async compute(db, filters) {
      const { rows, total } = await expertsDeployedByYear(db, reportedActionIds(filters), filters.year);
      return { ...plain(rows), total };
    },
  },
  {
    id: 'requestFunnel',
    async compute(db, filters, lang) {
      // Requests have no Action status: the funnel takes the other filters.
      const { status: _status, ...requestFilters } = filters;
      const rows = await requestFunnel(db, requestFilters);
      return {
        rows: rows.map((r) => ({
          key: r.stage,
          label: STAGE_LABELS[lang][r.stage],
          count: r.count,
          medianDays: r.medianDays,
        })),
        total: null,
      };
    },
  },
];
