import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type SelectedKeys, selectedBy } from '../../kernel/db/selected-by.ts';
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
  actionIds: SelectedKeys,
  year: number | undefined,
): Promise<{ key: string; count: number }[]> {
  const inYear = year === undefined ? sql`` : sql` and ${dateInYear(activities.startDate, year)}`;
  // Counted per day first, then per quarter: the quarter is written for the few thousand days that
  // had an activity rather than for each of the 171,456 held activities at full size.
  return queryReportRows<{ key: string; count: number }>(
    db,
    sql`
    select to_char(held.day, 'YYYY-"Q"Q') as key, sum(held.n)::int as count
      from (select ${activities.startDate} as day, count(*) as n
              from ${activities}
             where ${selectedBy(activities.actionId, actionIds)}
               and ${activities.status} in (${sql.join(
                 HELD_STATUSES.map((s) => sql`${s}`),
                 sql`, `,
               )})${inYear}
             group by ${activities.startDate}) held
     group by 1
     order by 1`,
  );
}
