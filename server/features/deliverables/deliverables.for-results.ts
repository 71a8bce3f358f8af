import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
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
