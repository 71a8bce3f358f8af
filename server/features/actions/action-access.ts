import { and, eq, sql } from 'drizzle-orm';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import { type Db, queryRows } from '../../kernel/db/database.ts';
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
  const [row] = await queryRows<{ topics: unknown; countries: unknown }>(
    db,
    sql`
    select
      (select coalesce(array_agg(${actionTopics.topicCode} order by ${actionTopics.topicCode}), '{}')
         from ${actionTopics} where ${actionTopics.actionId} = ${actionId}) as topics,
      (select coalesce(array_agg(${countries.code}::text || ':' || ${countries.regionCode} order by ${countries.code}), '{}')
         from ${actionCountries} join ${countries} on ${countries.code} = ${actionCountries.countryCode}
        where ${actionCountries.actionId} = ${actionId}) as countries`,
  );
  return {
    topics: textArray(row?.topics),
    countries: textArray(row?.countries).map((pair) => {
      const [code = '', regionCode = ''] = pair.split(':');
      return { code: code.trim(), regionCode };
    }),
  };
}

/** A text[] as node-postgres parses it, or as the `{a,b}` literal another driver may return. */
export function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}
