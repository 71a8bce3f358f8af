import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import type { SelectedKeys } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { deployedExpertIds, deployedExpertRows } from './deployments.for-results.ts';
import { experts } from './experts.table.ts';

/**
 * Experts deployed on the activities (not cancelled) of the Actions in `actionIds`: how many
 * different experts per year of the activities' start, and how many different experts in all, read
 * from who was deployed where and when (`deployed_experts`, decision 117). The distinct experts are
 * hashed, not sorted (count(distinct) would sort them).
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
      select y::text as key, count(*)::int as count
        from (select distinct r.year as y, r.expert_id from (${deployedExpertRows(actionIds, year)}) r) deployed
       group by y order by y`,
    ),
    queryReportRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${experts} where ${experts.id} in (${deployedExpertIds(actionIds, year)})`,
    ),
  ]);
  return { rows: byYear, total: total[0]?.count ?? 0 };
}
