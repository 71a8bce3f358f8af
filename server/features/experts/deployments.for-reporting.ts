import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import type { SelectedKeys } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { deployedExpertIds, deployedExpertRows } from './deployments.for-results.ts';
import { deployedExpertCounts } from './deployments.table.ts';
import { experts } from './experts.table.ts';

export interface ExpertsByYear {
  rows: { key: string; count: number }[];
  total: number;
}

/**
 * Experts deployed on the activities (not cancelled) of the Actions in `actionIds`: how many
 * different experts per year of the activities' start, and how many different experts in all, read
 * from who was deployed where and when (`deployed_experts`, decision 117). Over every Action the
 * database keeps these counts (decision 121). For some Actions, each year's experts are counted in
 * the order of the index on (year, expert); in all, the distinct experts are hashed (a semi-join)
 * rather than sorted.
 */
export async function expertsDeployedByYear(
  db: Db,
  actionIds: SelectedKeys,
  year: number | undefined,
): Promise<ExpertsByYear> {
  if (actionIds === undefined) return keptExpertsByYear(db, year);
  const [byYear, total] = await Promise.all([
    queryReportRows<{ key: string; count: number }>(
      db,
      sql`
      select r.year::text as key, count(distinct r.expert_id)::int as count
        from (${deployedExpertRows(actionIds, year)}) r
       group by r.year order by r.year`,
    ),
    queryReportRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${experts} where ${experts.id} in (${deployedExpertIds(actionIds, year)})`,
    ),
  ]);
  return { rows: byYear, total: total[0]?.count ?? 0 };
}

/**
 * The experts deployed over every Action, per year and in all (or in `year` alone), added up from
 * the counts the database keeps: a few dozen rows rather than every deployment.
 */
async function keptExpertsByYear(db: Db, year: number | undefined): Promise<ExpertsByYear> {
  const counts = await queryReportRows<{ year: number | null; experts: number }>(
    db,
    sql`
    select ${deployedExpertCounts.year} as year, sum(${deployedExpertCounts.experts})::int as experts
      from ${deployedExpertCounts}
     group by ${deployedExpertCounts.year}
    having sum(${deployedExpertCounts.experts}) <> 0
     order by ${deployedExpertCounts.year}`,
  );
  const years = counts.filter((c) => c.year !== null && (year === undefined || c.year === year));
  const all = counts.find((c) => c.year === null)?.experts ?? 0;
  return {
    rows: years.map((c) => ({ key: String(c.year), count: c.experts })),
    // In one year, the experts in all are that year's.
    total: year === undefined ? all : (years[0]?.experts ?? 0),
  };
}
