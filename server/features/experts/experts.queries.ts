import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { cachedCount } from '../../kernel/cache/cached-count.ts';
import { type Db, qualified } from '../../kernel/db/database.ts';
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
import type { LanguageLevel } from './experts.values.ts';

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

const expertId = qualified(experts.id);

export const deploymentsCount = sql<number>`(select count(*) from ${deployments} where ${deployments.expertId} = ${expertId})::int`;

export function selectExperts(db: Db, where: SQL | undefined) {
  return db
    .select({ expert: experts, deployments: deploymentsCount, ...expertTags })
    .from(experts)
    .where(where)
    .orderBy(asc(experts.fullName), asc(experts.id));
}

/** How many experts a filter matches (kept until the portfolio changes). */
export function countExperts(db: Db, where: SQL | undefined): Promise<number> {
  return cachedCount(db, experts, where);
}

/**
 * An expert's languages, topics and skills as columns of the expert's own row (JSON built by
 * PostgreSQL), so that a page of the roster is one query rather than one per relation.
 */
export const expertTags = {
  languages: sql<{ language: string; level: LanguageLevel }[]>`coalesce((
    select json_agg(json_build_object('language', l.language, 'level', l.level) order by l.language)
      from ${expertLanguages} l where l.expert_id = ${expertId}), '[]')`,
  topics: sql<string[]>`coalesce((
    select json_agg(t.topic_code order by t.topic_code) from ${expertTopics} t where t.expert_id = ${expertId}), '[]')`,
  skills: sql<string[]>`coalesce((
    select json_agg(s.skill order by s.skill) from ${expertSkillRows} s where s.expert_id = ${expertId}), '[]')`,
};

/** Where one expert has worked and when they are available. */
export async function selectExpertExperience(db: Db, id: string) {
  const [countries, regions, windows] = await Promise.all([
    db
      .select({ code: expertCountries.countryCode })
      .from(expertCountries)
      .where(eq(expertCountries.expertId, id))
      .orderBy(expertCountries.countryCode),
    db
      .select({ code: expertRegions.regionCode })
      .from(expertRegions)
      .where(eq(expertRegions.expertId, id))
      .orderBy(expertRegions.regionCode),
    db
      .select({ startDate: expertAvailability.startDate, endDate: expertAvailability.endDate })
      .from(expertAvailability)
      .where(eq(expertAvailability.expertId, id))
      .orderBy(expertAvailability.startDate),
  ]);
  return { countries, regions, windows };
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
