import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type SelectedKeys, selectedBy } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { momentInYear } from '../../kernel/db/year-range.ts';
import { deliverables } from './deliverables.table.ts';

/**
 * What the results framework reads of deliverables: each one's status and the days it was
 * validated and published, so that it can count them per reporting period.
 */
export async function deliverableMilestonesOf(
  db: Db,
  actionIds: string[],
): Promise<{ actionId: string; status: string; validatedOn: string | null; publishedOn: string | null }[]> {
  if (actionIds.length === 0) return [];
  return db
    .select({
      actionId: deliverables.actionId,
      status: deliverables.status,
      validatedOn: sql<string | null>`(${deliverables.validatedAt} at time zone 'UTC')::date::text`,
      publishedOn: sql<string | null>`(${deliverables.publishedAt} at time zone 'UTC')::date::text`,
    })
    .from(deliverables)
    .where(inArray(deliverables.actionId, actionIds));
}

/**
 * The portfolio's deliverable figures for some Actions, counted in the database: how many there
 * are, how many were validated (validated or published since) and how many published, in `year`
 * (by the UTC day of the step) when one is given. `actionIds` selects the Actions' ids
 * (actionsMatching), so that PostgreSQL selects them itself.
 */
export async function countDeliverableMilestones(
  db: Db,
  actionIds: SelectedKeys,
  year?: number,
): Promise<{ produced: number; validated: number; published: number }> {
  const inYear = (at: SQL) => (year ? momentInYear(at, year) : sql`${at} is not null`);
  const [row] = await queryReportRows<{ produced: number; validated: number; published: number }>(
    db,
    sql`select count(*)::int as produced,
          count(*) filter (where ${deliverables.status} in ('validated', 'published')
                             and ${inYear(sql`${deliverables.validatedAt}`)})::int as validated,
          count(*) filter (where ${deliverables.status} = 'published'
                             and ${inYear(sql`${deliverables.publishedAt}`)})::int as published
        from ${deliverables} where ${selectedBy(deliverables.actionId, actionIds)}`,
  );
  return row ?? { produced: 0, validated: 0, published: 0 };
}
