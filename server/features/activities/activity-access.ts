import { and, eq } from 'drizzle-orm';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { selectActivityRow } from './activities.queries.ts';
import { activityScope } from './activities.scope.ts';
import { activities } from './activities.table.ts';

export type VisibleActivity = NonNullable<Awaited<ReturnType<typeof selectActivityRow>>>;

/**
 * The activity `id` with its Action's name and status, if the caller may see it, else a 404.
 * With `lock`, the row stays locked until the transaction ends.
 */
export async function loadVisibleActivity(
  db: Db,
  actor: Actor | null,
  id: string,
  { lock = false } = {},
): Promise<VisibleActivity> {
  const signedIn = requireActor(actor);
  const row = await selectActivityRow(
    db,
    and(eq(activities.id, id), activityScope(signedIn)) ?? eq(activities.id, id),
    lock,
  );
  if (!row) throw notFound('Activity');
  return row;
}
