import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { actionWhere } from './actions.queries.ts';
import { actionCountries, actions, actionTopics } from './actions.table.ts';

/**
 * What portfolio results read of Actions: which ones match a region and a topic (the whole
 * portfolio, for staff and steering), and each one's regions and topics for the breakdowns.
 */
export async function actionIdsMatching(db: Db, criteria: { region?: string; topic?: string }) {
  const rows = await db
    .select({ id: actions.id })
    .from(actions)
    .where(actionWhere({ kind: 'all' }, criteria))
    .orderBy(asc(actions.id));
  return rows.map((r) => r.id);
}

/** Each Action's regions, one row per (action_id, key), for breakdowns counted in SQL. */
export const actionRegionKeys = sql`
  select distinct ${actionCountries.actionId} as action_id, ${countries.regionCode} as key
  from ${actionCountries} join ${countries} on ${countries.code} = ${actionCountries.countryCode}`;

/** Each Action's topics, one row per (action_id, key). */
export const actionTopicKeys = sql`
  select ${actionTopics.actionId} as action_id, ${actionTopics.topicCode} as key from ${actionTopics}`;
