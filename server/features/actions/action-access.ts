import { and, eq } from 'drizzle-orm';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { actionWhere } from './actions.queries.ts';
import { scopeFor } from './actions.scope.ts';
import { actionCountries, actions, actionTopics } from './actions.table.ts';

export type VisibleAction = Pick<
  typeof actions.$inferSelect,
  'id' | 'code' | 'name' | 'status' | 'version' | 'actualStart' | 'actualEnd'
>;

/**
 * The Action `id` if the caller may see it, else a 404: the first step of every service that works
 * inside an Action. With `lock`, the row is locked for the rest of the transaction, so that status
 * checks and the changes that depend on them cannot interleave with another request's.
 */
export async function loadVisibleAction(
  db: Db,
  actor: Actor | null,
  id: string,
  { lock = false } = {},
): Promise<VisibleAction> {
  const scope = scopeFor(requireActor(actor));
  const query = db
    .select({
      id: actions.id,
      code: actions.code,
      name: actions.name,
      status: actions.status,
      version: actions.version,
      actualStart: actions.actualStart,
      actualEnd: actions.actualEnd,
    })
    .from(actions)
    .where(and(eq(actions.id, id), actionWhere(scope, {})));
  const [row] = lock ? await query.for('update', { of: actions }) : await query;
  if (!row) throw notFound('Action');
  return row;
}

/** The topics and countries (with their regions) of an Action, for matching experts to its work. */
export async function actionFacets(db: Db, actionId: string) {
  const [topicRows, countryRows] = await Promise.all([
    db.select({ code: actionTopics.topicCode }).from(actionTopics).where(eq(actionTopics.actionId, actionId)),
    db
      .select({ code: countries.code, regionCode: countries.regionCode })
      .from(actionCountries)
      .innerJoin(countries, eq(countries.code, actionCountries.countryCode))
      .where(eq(actionCountries.actionId, actionId)),
  ]);
  return {
    topics: topicRows.map((t) => t.code),
    countries: countryRows.map((c) => ({ code: c.code.trim(), regionCode: c.regionCode })),
  };
}
