import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { dateInYear } from '../../kernel/db/year-range.ts';
import { activities } from './activities.table.ts';

/** An activity counts as held once it took place; its report may or may not be in. */
export const HELD_STATUSES = ['held', 'reported'] as const;

/**
 * Activities held per quarter (`2026-Q2`) of their start date, among the activities of the Actions
 * in `actionIds` (a subquery); `year` keeps the quarters of one year.
 */
export async function activitiesHeldByQuarter(
  db: Db,
  actionIds: SQL,
  year: number | undefined,
): Promise<{ key: string; count: number }[]> {
  const inYear = year === undefined ? sql`` : sql` and ${dateInYear(activities.startDate, year)}`;
  const quarter = sql`to_char(${activities.startDate}, 'YYYY-"Q"Q')`;
  return queryReportRows<{ key: string; count: number }>(
    db,
    sql`
    select ${quarter} as key, count(*)::int as count
      from ${activities}
     where ${activities.actionId} in (${actionIds})
       and ${activities.status} in (${sql.join(
         HELD_STATUSES.map((s) => sql`${s}`),
         sql`, `,
       )})${inYear}
     group by ${quarter}
     order by ${quarter}`,
  );
}
