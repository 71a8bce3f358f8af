import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type SelectedKeys, selectedBy } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { dateInYear } from '../../kernel/db/year-range.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { activities } from './activities.table.ts';

/**
 * What the results framework reads of activities: the held ones (held or reported) of some
 * Actions, with the day they ended, so that it can count them per reporting period.
 */
export async function heldActivitiesOf(
  db: Db,
  actionIds: string[],
): Promise<{ id: string; actionId: string; endDate: string; type: string; title: LocalizedText }[]> {
  if (actionIds.length === 0) return [];
  return db
    .select({
      id: activities.id,
      actionId: activities.actionId,
      endDate: sql<string>`${activities.endDate}::text`,
      type: activities.type,
      title: activities.title,
    })
    .from(activities)
    .where(and(inArray(activities.actionId, actionIds), inArray(activities.status, ['held', 'reported'])))
    .orderBy(asc(activities.endDate));
}

/**
 * How many activities of some Actions were held, ending in `year` when one is given: the
 * portfolio's figure, counted in the database (at full size they are a hundred thousand and more).
 * `actionIds` selects the Actions' ids (actionsMatching), so that PostgreSQL selects them itself.
 */
export async function countHeldActivities(db: Db, actionIds: SelectedKeys, year?: number): Promise<number> {
  const [row] = await queryReportRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${activities}
         where ${selectedBy(activities.actionId, actionIds)} and ${inArray(activities.status, ['held', 'reported'])}
           ${year ? sql`and ${dateInYear(activities.endDate, year)}` : sql``}`,
  );
  return row?.n ?? 0;
}

/** The activities of some Actions with their titles, for labelling learning and evaluation figures. */
export async function activityTitlesOf(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return new Map<string, LocalizedText>();
  const rows = await db
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .where(inArray(activities.id, activityIds));
  return new Map(rows.map((r) => [r.id, r.title]));
}
