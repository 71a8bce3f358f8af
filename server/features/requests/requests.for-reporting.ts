import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { momentInYear } from '../../kernel/db/year-range.ts';
import { requestStages } from './requests.table.ts';

/** What a report may narrow requests by: their topics and countries, and the year of submission. */
export interface RequestReportFilters {
  topic?: string;
  region?: string;
  country?: string;
  year?: number;
}

export const funnelStages = ['submitted', 'screened', 'approved', 'declined'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface FunnelRow {
  stage: FunnelStage;
  /** Requests that reached the stage. */
  count: number;
  /** Median days spent in the stage that leads to it; null when no request has gone through it. */
  medianDays: number | null;
}

function requestConditions(filters: RequestReportFilters): SQL {
  const conditions: SQL[] = [sql`r.submitted_at is not null`];
  if (filters.year !== undefined) {
    conditions.push(momentInYear(sql`r.submitted_at`, filters.year));
  }
  if (filters.topic) {
    conditions.push(
      sql`exists (select 1 from request_topics rt where rt.request_id = r.id and rt.topic_code = ${filters.topic})`,
    );
  }
  if (filters.country) {
    conditions.push(
      sql`exists (select 1 from request_countries rc where rc.request_id = r.id and rc.country_code = ${filters.country})`,
    );
  }
  if (filters.region) {
    conditions.push(sql`exists (select 1 from request_countries rc join countries c on c.code = rc.country_code
      where rc.request_id = r.id and c.region_code = ${filters.region})`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * The request funnel: how many submitted requests were screened (sent to the steering committee),
 * approved and declined, and the median days each spent in the stage before: waiting for screening
 * (submitted), in screening with any clarification (screened), in steering review (approved,
 * declined). Only stays that ended count. Each request's stages and days are read from its status
 * history by the view `request_stage_rule`, and kept per request in `request_stages` by a trigger on
 * `request_transitions` (migration 0031, decision 116).
 */
export async function requestFunnel(db: Db, filters: RequestReportFilters): Promise<FunnelRow[]> {
  const [row] = await queryReportRows<Record<string, number | string | null>>(
    db,
    sql`
    select
      (count(*) filter (where s.submitted))::int as submitted,
      (count(*) filter (where s.screened))::int as screened,
      (count(*) filter (where s.approved))::int as approved,
      (count(*) filter (where s.declined))::int as declined,
      (percentile_cont(0.5) within group (order by s.submitted_days))::float8 as submitted_median,
      (percentile_cont(0.5) within group (order by s.screened_days))::float8 as screened_median,
      (percentile_cont(0.5) within group (order by s.approved_days))::float8 as approved_median,
      (percentile_cont(0.5) within group (order by s.declined_days))::float8 as declined_median
    from ${requestStages} s
    join requests r on r.id = s.request_id
    where ${requestConditions(filters)}`,
  );
  return funnelStages.map((stage) => {
    const median = row?.[`${stage}_median`];
    return {
      stage,
      count: Number(row?.[stage] ?? 0),
      medianDays: median === null || median === undefined ? null : Math.round(Number(median) * 10) / 10,
    };
  });
}
