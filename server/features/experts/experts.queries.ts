import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { cachedCount } from '../../kernel/cache/cached-count.ts';
import type { Db } from '../../kernel/db/database.ts';
import { actions } from '../actions/actions.table.ts';
import { activities } from '../activities/activities.table.ts';
import { deploymentFeedback, deployments } from './deployments.table.ts';
import type { ExpertListQuery } from './experts.contract.ts';
import {
  expertAvailability,
  expertCountries,
  expertLanguages,
  expertRegions,
  expertSkillRows,
  experts,
  expertTopics,
} from './experts.table.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function expertWhere(query: Omit<ExpertListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : undefined;
  return and(
    pattern
      ? or(sql`${experts.fullName} ilike ${pattern}`, sql`${experts.administration} ilike ${pattern}`)
      : undefined,
    query.country ? eq(experts.countryCode, query.country) : undefined,
    query.gender ? eq(experts.gender, query.gender) : undefined,
    query.topic
      ? sql`exists (select 1 from ${expertTopics} where ${expertTopics.expertId} = ${experts.id} and ${expertTopics.topicCode} = ${query.topic})`
      : undefined,
    query.language
      ? sql`exists (select 1 from ${expertLanguages} where ${expertLanguages.expertId} = ${experts.id} and ${expertLanguages.language} = ${query.language})`
      : undefined,
    query.skill
      ? sql`exists (select 1 from ${expertSkillRows} where ${expertSkillRows.expertId} = ${experts.id} and ${expertSkillRows.skill} = ${query.skill})`
      : undefined,
  );
}

export const deploymentsCount = sql<number>`(select count(*) from ${deployments} where ${deployments.expertId} = ${experts.id})::int`;

export function selectExperts(db: Db, where: SQL | undefined) {
  return db
    .select({ expert: experts, deployments: deploymentsCount })
    .from(experts)
    .where(where)
    .orderBy(asc(experts.fullName), asc(experts.id));
}

/** How many experts a filter matches (kept until the portfolio changes). */
export function countExperts(db: Db, where: SQL | undefined): Promise<number> {
  return cachedCount(db, experts, where);
}

/** Languages, topics, skills, experience and availability of the given experts, by expert. */
export async function selectExpertRelations(db: Db, ids: string[]) {
  if (ids.length === 0)
    return { languages: [], topics: [], skills: [], countries: [], regions: [], windows: [] };
  const [languages, topics, skills, countries, regions, windows] = await Promise.all([
    db
      .select()
      .from(expertLanguages)
      .where(inArray(expertLanguages.expertId, ids))
      .orderBy(expertLanguages.language),
    db.select().from(expertTopics).where(inArray(expertTopics.expertId, ids)).orderBy(expertTopics.topicCode),
    db
      .select()
      .from(expertSkillRows)
      .where(inArray(expertSkillRows.expertId, ids))
      .orderBy(expertSkillRows.skill),
    db
      .select()
      .from(expertCountries)
      .where(inArray(expertCountries.expertId, ids))
      .orderBy(expertCountries.countryCode),
    db
      .select()
      .from(expertRegions)
      .where(inArray(expertRegions.expertId, ids))
      .orderBy(expertRegions.regionCode),
    db
      .select()
      .from(expertAvailability)
      .where(inArray(expertAvailability.expertId, ids))
      .orderBy(expertAvailability.startDate),
  ]);
  return { languages, topics, skills, countries, regions, windows };
}

/** An expert's deployments, newest first, with the activity, the Action and the feedback. */
export function selectDeploymentHistory(db: Db, where: SQL) {
  return db
    .select({
      id: deployments.id,
      role: deployments.role,
      days: deployments.days,
      activityId: activities.id,
      activityTitle: activities.title,
      activityStatus: activities.status,
      startDate: activities.startDate,
      endDate: activities.endDate,
      actionId: actions.id,
      actionName: actions.name,
      score: deploymentFeedback.score,
      comment: deploymentFeedback.comment,
    })
    .from(deployments)
    .innerJoin(activities, eq(activities.id, deployments.activityId))
    .innerJoin(actions, eq(actions.id, activities.actionId))
    .leftJoin(deploymentFeedback, eq(deploymentFeedback.deploymentId, deployments.id))
    .where(where)
    .orderBy(desc(activities.startDate));
}
