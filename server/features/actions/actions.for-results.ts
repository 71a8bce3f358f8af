import { and, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import type { SelectedKeys } from '../../kernel/db/selected-by.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { type ActionCriteria, actionWhere, countActions, linkedActionIds } from './actions.queries.ts';
import { actionCountries, actions, actionTopics } from './actions.table.ts';

/** The portfolio results' filter on Actions: their region and topic. */
export interface ActionsCriteria {
  region?: string;
  topic?: string;
}

/**
 * What portfolio results read of Actions: which ones match a region and a topic (the whole
 * portfolio, for staff and steering), how many they are, and each one's regions and topics for the
 * breakdowns.
 *
 * The matching Actions (for the results a region and a topic; the dashboard adds a country and a
 * status) are a subquery of their ids, for `action_id in (…)`: PostgreSQL selects them
 * itself within each count, where a list of their ids would be one parameter per Action (10,043 at
 * full size, with no filter) sent to every count. Its columns are named with their table
 * (`actions`, `action_topics`, `action_countries`) or the subquery `selected`, never an alias a
 * statement uses, so it can also stand inside a statement that calls its own table `a`.
 */
export function actionsMatching(criteria: ActionCriteria): SelectedKeys {
  const { topic, country, region, ...ofTheAction } = criteria;
  // A status or a search reads the Actions (actionWhere adds the topic, country and region).
  if (actionWhere({ kind: 'all' }, ofTheAction)) {
    return sql`select ${actions.id} from ${actions} where ${actionWhere({ kind: 'all' }, criteria)}`;
  }
  // A topic, a country or a region alone reads its link table, not the 10,000 Actions too: the ids
  // the first selects that every other selects as well.
  const [first, ...others] = linkedActionIds(criteria);
  // No criterion: every Action (selectedBy then adds no condition).
  if (!first) return undefined;
  if (others.length === 0) return first;
  const alsoSelected = others.map((ids) => sql`selected.action_id in (${ids})`);
  return sql`select selected.action_id from (${first}) selected where ${and(...alsoSelected)}`;
}

/**
 * How many Actions match, counted as the Actions list counts them: the same statement as staff's
 * list filtered on the same region and topic, so the same cached figure, kept until the portfolio
 * changes.
 */
export function countActionsMatching(db: Db, criteria: ActionsCriteria): Promise<number> {
  return countActions(db, actionWhere({ kind: 'all' }, criteria));
}

/** Each Action's regions, one row per (action_id, key), for breakdowns counted in SQL. */
export const actionRegionKeys = sql`
  select distinct ${actionCountries.actionId} as action_id, ${countries.regionCode} as key
  from ${actionCountries} join ${countries} on ${countries.code} = ${actionCountries.countryCode}`;

/** Each Action's topics, one row per (action_id, key). */
export const actionTopicKeys = sql`
  select ${actionTopics.actionId} as action_id, ${actionTopics.topicCode} as key from ${actionTopics}`;
