import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { dateInYear } from '../../kernel/db/year-range.ts';
import { activities } from '../activities/activities.table.ts';
import { deployedExpertIds, keptDeployedExpertIds } from './deployments.for-results.ts';
import { deployedExpertYears, deployments } from './deployments.table.ts';
import { experts } from './experts.table.ts';

/**
 * Experts deployed on the activities (not cancelled) of the Actions in `actionIds`: how many
 * different experts per year of the activities' start, and how many different experts in all. The
 * distinct experts are hashed, not sorted (count(distinct) sorts every deployment).
 */
export function expertsDeployedByYear(db: Db, actionIds: SQL, year: number | undefined) {
  const yearOf = sql`extract(year from ${activities.startDate})::int`;
  const where = sql`${activities.actionId} in (${actionIds}) and ${activities.status} <> 'cancelled'${
    year === undefined ? sql`` : sql` and ${dateInYear(activities.startDate, year)}`
  }`;
  return byYearAndInAll(
    db,
    sql`
      select y::text as key, count(*)::int as count
        from (select distinct ${yearOf} as y, ${deployments.expertId}
                from ${deployments} join ${activities} on ${activities.id} = ${deployments.activityId}
               where ${where}) deployed
       group by y order by y`,
    deployedExpertIds(actionIds, year),
  );
}

/** The same for every Action, from the years the database keeps per expert (decision 117). */
export function keptExpertsDeployedByYear(db: Db, year: number | undefined) {
  return byYearAndInAll(
    db,
    sql`
      select y.year::text as key, count(*)::int as count
        from ${deployedExpertYears} y${year === undefined ? sql`` : sql` where y.year = ${year}`}
       group by y.year order by y.year`,
    keptDeployedExpertIds(year),
  );
}

async function byYearAndInAll(
  db: Db,
  byYearStatement: SQL,
  expertIds: SQL,
): Promise<{ rows: { key: string; count: number }[]; total: number }> {
  const [byYear, total] = await Promise.all([
    queryReportRows<{ key: string; count: number }>(db, byYearStatement),
    queryReportRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${experts} where ${experts.id} in (${expertIds})`,
    ),
  ]);
  return { rows: byYear, total: total[0]?.count ?? 0 };
}
