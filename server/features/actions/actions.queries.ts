import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { institutions, partnerOrganisations } from '../institutions/institutions.table.ts';
import { approaches, countries, pillars, topics } from '../taxonomy/taxonomy.table.ts';
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
  }
}

/** The WHERE clause for a scope and a set of filters; every filter is an indexed semi-join. */
export function actionWhere(scope: ActionScope, criteria: ActionCriteria): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
  if (criteria.statuses) conditions.push(inArray(actions.status, criteria.statuses));
  if (criteria.topic) {
    conditions.push(
      sql`exists (select 1 from ${actionTopics} where ${actionTopics.actionId} = ${actions.id} and ${actionTopics.topicCode} = ${criteria.topic})`,
    );
  }
  if (criteria.country) {
    conditions.push(
      sql`exists (select 1 from ${actionCountries} where ${actionCountries.actionId} = ${actions.id} and ${actionCountries.countryCode} = ${criteria.country})`,
    );
  }
  if (criteria.region) {
    conditions.push(
      sql`exists (select 1 from ${actionCountries} join ${countries} on ${countries.code} = ${actionCountries.countryCode}
            where ${actionCountries.actionId} = ${actions.id} and ${countries.regionCode} = ${criteria.region})`,
    );
  }
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

export async function selectActionPage(db: Db, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(actions)
      .where(where)
      .orderBy(asc(actions.name), asc(actions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(actions).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export type ActionRow = typeof actions.$inferSelect;

export const selectActionById = async (db: Db, id: string, where: SQL | undefined) =>
  (
    await db
      .select()
      .from(actions)
      .where(and(eq(actions.id, id), where))
  )[0];

/** Countries (with region), topics and requesting institution of a set of Actions, in three queries. */
export async function selectListRelations(db: Db, actionIds: string[]) {
  if (actionIds.length === 0) return { countryRows: [], topicRows: [], institutionRows: [] };
  const [countryRows, topicRows, institutionRows] = await Promise.all([
    db
      .select({ actionId: actionCountries.actionId, code: countries.code, regionCode: countries.regionCode })
      .from(actionCountries)
      .innerJoin(countries, eq(countries.code, actionCountries.countryCode))
      .where(inArray(actionCountries.actionId, actionIds))
      .orderBy(asc(countries.code)),
    db
      .select({ actionId: actionTopics.actionId, code: topics.code, name: topics.name })
      .from(actionTopics)
      .innerJoin(topics, eq(topics.code, actionTopics.topicCode))
      .where(inArray(actionTopics.actionId, actionIds))
      .orderBy(asc(topics.sortOrder)),
    db
      .select({
        actionId: actionInstitutions.actionId,
        role: actionInstitutions.role,
        id: institutions.id,
        name: institutions.name,
        acronym: institutions.acronym,
        type: institutions.type,
        countryCode: institutions.countryCode,
      })
      .from(actionInstitutions)
      .innerJoin(institutions, eq(institutions.id, actionInstitutions.institutionId))
      .where(inArray(actionInstitutions.actionId, actionIds))
      .orderBy(asc(actionInstitutions.role), asc(institutions.name)),
  ]);
  return { countryRows, topicRows, institutionRows };
}

/** The 4Ps, approaches and partners of one Action. */
export async function selectDetailRelations(db: Db, actionId: string) {
  const [pillarRows, approachRows, partnerRows] = await Promise.all([
    db
      .select({ code: pillars.code, name: pillars.name })
      .from(actionPillars)
      .innerJoin(pillars, eq(pillars.code, actionPillars.pillarCode))
      .where(eq(actionPillars.actionId, actionId))
      .orderBy(asc(pillars.sortOrder)),
    db
      .select({ code: approaches.code, name: approaches.name })
      .from(actionApproaches)
      .innerJoin(approaches, eq(approaches.code, actionApproaches.approachCode))
      .where(eq(actionApproaches.actionId, actionId))
      .orderBy(asc(approaches.sortOrder)),
    db
      .select({
        id: partnerOrganisations.id,
        name: partnerOrganisations.name,
        acronym: partnerOrganisations.acronym,
      })
      .from(actionPartners)
      .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, actionPartners.partnerId))
      .where(eq(actionPartners.actionId, actionId))
      .orderBy(asc(partnerOrganisations.name)),
  ]);
  return { pillarRows, approachRows, partnerRows };
}
