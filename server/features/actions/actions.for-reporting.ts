import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type SelectedKeys, selectedBy } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { countries, regions, topics } from '../taxonomy/taxonomy.table.ts';
import { actionsMatching } from './actions.for-results.ts';
import { type ActionStatus, actionCountries, actions, actionTopics } from './actions.table.ts';

/**
 * The filters of the facility's reports (the dashboard, exports): topic, region, country and status
 * select Actions; the year selects what a figure counts by its own date (an Action by its start, an
 * activity by its start date).
 */
export interface ReportFilters {
  topic?: string;
  region?: string;
  country?: string;
  status?: ActionStatus;
  year?: number;
}

/**
 * The ids of the Actions that topic, region, country and status admit, as a subquery; undefined when
 * no filter narrows them (every Action).
 */
export function reportedActionIds(filters: ReportFilters): SelectedKeys {
  return actionsMatching({
    statuses: filters.status ? [filters.status] : undefined,
    topic: filters.topic,
    region: filters.region,
    country: filters.country,
  });
}

/** The year an Action starts: when it actually started, else when it is planned to. */
export const actionStartYear = sql`extract(year from coalesce(${actions.actualStart}, ${actions.plannedStart}))::int`;

function reportedActions(filters: ReportFilters): SQL {
  const year = filters.year === undefined ? sql`` : sql` and ${actionStartYear} = ${filters.year}`;
  return sql`${selectedBy(actions.id, reportedActionIds(filters))}${year}`;
}

export interface CountRow {
  key: string;
  name: LocalizedText | null;
  count: number;
}

/** How many of the reported Actions are in each status. */
export async function actionsByStatus(db: Db, filters: ReportFilters): Promise<CountRow[]> {
  return queryReportRows<CountRow>(
    db,
    sql`
    select ${actions.status}::text as key, null as name, count(*)::int as count
      from ${actions} where ${reportedActions(filters)}
     group by ${actions.status}`,
  );
}

/**
 * How many of the reported Actions work on each topic (an Action with two topics counts in both).
 * Counted per topic code first, then named: an Action has each topic once (the key of
 * action_topics), and grouping by the names as well cost five times as long.
 */
export async function actionsByTopic(db: Db, filters: ReportFilters): Promise<CountRow[]> {
  return queryReportRows<CountRow>(
    db,
    sql`
    select ${topics.code} as key, ${topics.name} as name, counted.count
      from (select ${actionTopics.topicCode} as code, count(*)::int as count
              from ${actionTopics} join ${actions} on ${actions.id} = ${actionTopics.actionId}
             where ${reportedActions(filters)}
             group by ${actionTopics.topicCode}) counted
      join ${topics} on ${topics.code} = counted.code
     order by counted.count desc, ${topics.sortOrder}`,
  );
}

/**
 * How many of the reported Actions work in each region (through their countries; an Action with two
 * countries in one region counts once), counted per region code first, then named.
 */
export async function actionsByRegion(db: Db, filters: ReportFilters): Promise<CountRow[]> {
  return queryReportRows<CountRow>(
    db,
    sql`
    select ${regions.code} as key, ${regions.name} as name, counted.count
      from (select ${countries.regionCode} as code, count(distinct ${actionCountries.actionId})::int as count
              from ${actionCountries}
              join ${countries} on ${countries.code} = ${actionCountries.countryCode}
              join ${actions} on ${actions.id} = ${actionCountries.actionId}
             where ${reportedActions(filters)}
             group by ${countries.regionCode}) counted
      join ${regions} on ${regions.code} = counted.code
     order by ${regions.sortOrder}`,
  );
}

/** How many of the reported Actions start in each year; Actions without any date are left out. */
export async function actionsByYear(db: Db, filters: ReportFilters): Promise<CountRow[]> {
  return queryReportRows<CountRow>(
    db,
    sql`
    select ${actionStartYear}::text as key, null as name, count(*)::int as count
      from ${actions}
     where ${reportedActions(filters)} and ${actionStartYear} is not null
     group by ${actionStartYear}
     order by ${actionStartYear}`,
  );
}

/**
 * The ids of the reported Actions, as a statement; with a year, of the Actions that start in it.
 * Undefined when neither a filter nor a year narrows them (every Action).
 */
export function reportedActionIdsStarting(filters: ReportFilters): SelectedKeys {
  if (reportedActionIds(filters) === undefined && filters.year === undefined) return undefined;
  return sql`select ${actions.id} from ${actions} where ${reportedActions(filters)}`;
}
