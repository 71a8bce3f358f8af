import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { actionEvents } from './action-design.table.ts';

export type ActionEvent = typeof actionEvents.$inferInsert;

/**
 * Adds an entry to an Action's timeline; call it in the transaction of the change it records. An
 * event about something internal (an internal deliverable) is for the staff only.
 */
export async function recordActionEvent(tx: Db, event: ActionEvent): Promise<void> {
  await tx.insert(actionEvents).values(event);
}

export function selectActionEvents(db: Db, actionId: string, staff: boolean) {
  return db
    .select()
    .from(actionEvents)
    .where(
      and(eq(actionEvents.actionId, actionId), staff ? undefined : inArray(actionEvents.audience, ['all'])),
    )
    .orderBy(asc(actionEvents.at), asc(actionEvents.id));
}
