import { asc, inArray, sql } from 'drizzle-orm';
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

export async function actionFacetsOf(db: Db, actionIds: string[]) {
  const facets = new Map<string, { regions: string[]; topics: string[] }>();
  if (actionIds.length === 0) return facets;
  const [regionRows, topicRows] = await Promise.all([
    db
      .selectDistinct({ actionId: actionCountries.actionId, code: countries.regionCode })
      .from(actionCountries)
      .innerJoin(countries, sql`${countries.code} = ${actionCountries.countryCode}`)
      .where(inArray(actionCountries.actionId, actionIds)),
    db
      .select({ actionId: actionTopics.actionId, code: actionTopics.topicCode })
      .from(actionTopics)
      .where(inArray(actionTopics.actionId, actionIds)),
  ]);
  const entry = (id: string) => {
    let f = facets.get(id);
    if (!f) {
      f = { regions: [], topics: [] };
      facets.set(id, f);
    }
    return f;
  };
  for (const r of regionRows) entry(r.actionId).regions.push(r.code);
  for (const t of topicRows) entry(t.actionId).topics.push(t.code);
  return facets;
}
