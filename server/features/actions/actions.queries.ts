import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { cachedCount } from '../../kernel/cache/cached-count.ts';
import {
  type Db,
  literalNumber,
  PREPARED_PAGES,
  queryRows,
  queryRowsPrepared,
} from '../../kernel/db/database.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { deployedActionIds } from '../experts/experts.scope.ts';
import { partnerOrganisations } from '../institutions/institutions.table.ts';
import { approaches, countries, pillars } from '../taxonomy/taxonomy.table.ts';
import { type ActionScope, PUBLIC_STATUSES } from './actions.scope.ts';
import {
  type ActionStatus,
  actionApproaches,
  actionCountries,
  actionInstitutions,
  actionPartners,
  actionPillars,
  actions,
  actionTopics,
} from './actions.table.ts';

export interface ActionCriteria {
  statuses?: ActionStatus[];
  topic?: string;
  region?: string;
  country?: string;
  q?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function scopeCondition(scope: ActionScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'public':
      return inArray(actions.status, PUBLIC_STATUSES);
    case 'none':
      return sql`false`;
    case 'institution':
      return sql`exists (select 1 from ${actionInstitutions} where ${actionInstitutions.actionId} = ${actions.id} and ${actionInstitutions.institutionId} = ${scope.institutionId})`;
    case 'deployed':
      return sql`${actions.id} in (${deployedActionIds(scope.userId)})`;
  }
}

/**
 * The ids of the Actions that a topic, a country and a region select, one subquery each (for those
 * given), read from the link tables alone: their rows all name an Action (a foreign key). Each
 * selects a column named `action_id`, named with its table.
 */
export function linkedActionIds({ topic, country, region }: ActionCriteria): SQL[] {
  const selections: SQL[] = [];
  if (topic) {
    selections.push(
      sql`select ${actionTopics.actionId} from ${actionTopics} where ${actionTopics.topicCode} = ${topic}`,
    );
  }
  if (country) {
    selections.push(
      sql`select ${actionCountries.actionId} from ${actionCountries} where ${actionCountries.countryCode} = ${country}`,
    );
  }
  if (region) {
    selections.push(sql`select ${actionCountries.actionId} from ${actionCountries}
      where ${actionCountries.countryCode} in (select ${countries.code} from ${countries} where ${countries.regionCode} = ${region})`);
  }
  return selections;
}

/** The WHERE clause for a scope and a set of filters; every filter is an indexed semi-join. */
export function actionWhere(scope: ActionScope, criteria: ActionCriteria): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
  if (criteria.statuses) conditions.push(inArray(actions.status, criteria.statuses));
  for (const ids of linkedActionIds(criteria)) conditions.push(sql`${actions.id} in (${ids})`);
  if (criteria.q) {
    const pattern = `%${escapeLike(criteria.q)}%`;
    conditions.push(
      or(
        sql`${actions.name} ilike ${pattern}`,
        sql`${actions.code} ilike ${pattern}`,
        sql`${actions.title}::text ilike ${pattern}`,
      ),
    );
  }
  return and(...conditions);
}

export interface ListedActionRow {
  id: string;
  code: string;
  name: string;
  title: LocalizedText;
  summary: LocalizedText;
  status: ActionStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  version: number;
  updatedAt: string;
  countries: { code: string; regionCode: string }[];
  topics: { code: string; name: LocalizedText }[];
  institutions: {
    id: string;
    name: string;
    acronym: string | null;
    type: string;
    countryCode: string | null;
    role: 'requesting' | 'beneficiary';
  }[];
}

/** How many Actions a filter matches (kept until the portfolio changes). */
export function countActions(db: Db, where: SQL | undefined): Promise<number> {
  return cachedCount(db, actions, where);
}

/**
 * One page of Actions with their countries, topics and institutions in a single round trip:
 * PostgreSQL builds the JSON, so a page costs one query whatever its size.
 */
export async function selectActionPage(
  db: Db,
  where: SQL | undefined,
  page: number,
  pageSize: number,
): Promise<ListedActionRow[]> {
  // The page walks the (name, id) index and stops after its rows (migration 0021). Each country's
  // region is looked up by its key: joined, the planner hashes all the countries for every Action.
  // Its limit and offset are written into the text and its first pages are prepared, as `pageOf`
  // does for the lists that Drizzle builds (this one is raw SQL, for its JSON).
  const run = page <= PREPARED_PAGES ? queryRowsPrepared : queryRows;
  const [row] = await run<{ items: ListedActionRow[] | string }>(
    db,
    sql`
    with page as (
      select * from ${actions} ${where ? sql`where ${where}` : sql``}
       order by ${actions.name}, ${actions.id}
       limit ${literalNumber(pageSize)} offset ${literalNumber((page - 1) * pageSize)}
    )
    select
      coalesce((select json_agg(json_build_object(
        'id', p.id, 'code', p.code, 'name', p.name, 'title', p.title, 'summary', p.summary,
        'status', p.status, 'plannedStart', p.planned_start, 'plannedEnd', p.planned_end,
        'actualStart', p.actual_start, 'actualEnd', p.actual_end, 'version', p.version,
        'updatedAt', p.updated_at,
        'countries', coalesce((select json_agg(json_build_object('code', ac.country_code, 'regionCode',
              (select c.region_code from countries c where c.code = ac.country_code)) order by ac.country_code)
            from action_countries ac where ac.action_id = p.id), '[]'),
        'topics', coalesce((select json_agg(json_build_object('code', t.code, 'name', t.name) order by t.sort_order)
            from action_topics at join topics t on t.code = at.topic_code where at.action_id = p.id), '[]'),
        'institutions', coalesce((select json_agg(json_build_object('id', i.id, 'name', i.name, 'acronym', i.acronym,
              'type', i.type, 'countryCode', i.country_code, 'role', ai.role) order by ai.role, i.name)
            from action_institutions ai join institutions i on i.id = ai.institution_id where ai.action_id = p.id), '[]')
      ) order by p.name, p.id) from page p), '[]') as items`,
  );
  // node-postgres parses json columns; PGlite does too, but a string is accepted for safety.
  return typeof row?.items === 'string' ? (JSON.parse(row.items) as ListedActionRow[]) : (row?.items ?? []);
}

/** The 4Ps, approaches and partners of one Action. */
export async function selectDetailRelations(db: Db, actionId: string) {
  const [pillarsByAction, approachRows, partnerRows] = await Promise.all([
    selectPillarsOf(db, [actionId]),
    db
      .select({ code: approaches.code, name: approaches.name })
      .from(actionApproaches)
      .innerJoin(approaches, eq(approaches.code, actionApproaches.approachCode))
      .where(eq(actionApproaches.actionId, actionId))
      .orderBy(asc(approaches.sortOrder)),
    selectActionPartners(db, actionId),
  ]);
  return { pillarRows: pillarsByAction.get(actionId) ?? [], approachRows, partnerRows };
}

/**
 * The pillars of some Actions, each Action's in the taxonomy's order: one statement for all of them
 * (a topic's page lists every ongoing Action of the topic with its pillars).
 */
export async function selectPillarsOf(db: Db, actionIds: string[]) {
  const byAction = new Map<string, { code: string; name: LocalizedText }[]>();
  if (actionIds.length === 0) return byAction;
  const rows = await db
    .select({ actionId: actionPillars.actionId, code: pillars.code, name: pillars.name })
    .from(actionPillars)
    .innerJoin(pillars, eq(pillars.code, actionPillars.pillarCode))
    .where(inArray(actionPillars.actionId, actionIds))
    .orderBy(asc(pillars.sortOrder), asc(pillars.code));
  for (const { actionId, ...pillar } of rows) {
    const list = byAction.get(actionId) ?? [];
    list.push(pillar);
    byAction.set(actionId, list);
  }
  return byAction;
}

/** The partner organisations of one Action, by name (its page and its design show them). */
export function selectActionPartners(db: Db, actionId: string) {
  return db
    .select({
      id: partnerOrganisations.id,
      name: partnerOrganisations.name,
      acronym: partnerOrganisations.acronym,
    })
    .from(actionPartners)
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, actionPartners.partnerId))
    .where(eq(actionPartners.actionId, actionId))
    .orderBy(asc(partnerOrganisations.name));
}
