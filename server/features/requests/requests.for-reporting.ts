import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { momentInYear } from '../../kernel/db/year-range.ts';

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
 * The request funnel, read from the requests' status history (`request_transitions`): how many
 * submitted requests were screened (sent to the steering committee), approved and declined, and the
 * median days each spent in the stage before: waiting for screening (submitted), in screening with
 * any clarification (screened), in steering review (approved, declined). Only stays that ended count.
 */
export async function requestFunnel(db: Db, filters: RequestReportFilters): Promise<FunnelRow[]> {
  const [row] = await queryReportRows<Record<string, number | string | null>>(
    db,
    sql`
    with steps as (
      select t.request_id, t.to_status::text as status, t.created_at,
             lead(t.created_at) over (partition by t.request_id order by t.created_at, t.id) as left_at,
             lag(t.created_at) over (partition by t.request_id order by t.created_at, t.id) as came_at
        from request_transitions t
       where t.request_id in (select r.id from requests r where ${requestConditions(filters)})
    ), per_request as (
      -- One pass over each request's history: the stages it reached and the days it spent before them.
      select
        bool_or(status = 'submitted') as submitted,
        bool_or(status = 'steering_review') as screened,
        bool_or(status = 'approved') as approved,
        bool_or(status = 'declined') as declined,
        case when bool_and(left_at is not null) filter (where status = 'submitted')
          then sum(extract(epoch from left_at - created_at)) filter (where status = 'submitted') end
          / 86400.0 as submitted_days,
        case when bool_or(status = 'steering_review')
          then sum(extract(epoch from left_at - created_at)) filter (where status in ('screening', 'clarification')) end
          / 86400.0 as screened_days,
        max(extract(epoch from created_at - came_at)) filter (where status = 'approved') / 86400.0 as approved_days,
        max(extract(epoch from created_at - came_at)) filter (where status = 'declined') / 86400.0 as declined_days
      from steps
      group by request_id
    )
    select
      (count(*) filter (where submitted))::int as submitted,
      (count(*) filter (where screened))::int as screened,
      (count(*) filter (where approved))::int as approved,
      (count(*) filter (where declined))::int as declined,
      (percentile_cont(0.5) within group (order by submitted_days))::float8 as submitted_median,
      (percentile_cont(0.5) within group (order by screened_days))::float8 as screened_median,
      (percentile_cont(0.5) within group (order by approved_days))::float8 as approved_median,
      (percentile_cont(0.5) within group (order by declined_days))::float8 as declined_median
    from per_request`,
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
