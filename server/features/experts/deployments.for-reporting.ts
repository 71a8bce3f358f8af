import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import type { SelectedKeys } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { deployedExpertIds, deployedExpertRows } from './deployments.for-results.ts';
import { experts } from './experts.table.ts';

/**
 * Experts deployed on the activities (not cancelled) of the Actions in `actionIds`: how many
 * different experts per year of the activities' start, and how many different experts in all, read
 * from who was deployed where and when (`deployed_experts`, decision 117). Per year, each year's
 * experts are counted in the order of the index on (year, expert); in all, the distinct experts are
 * hashed (a semi-join) rather than sorted.
 */
export async function expertsDeployedByYear(
  db: Db,
  actionIds: SelectedKeys,
  year: number | undefined,
): Promise<{ rows: { key: string; count: number }[]; total: number }> {
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
