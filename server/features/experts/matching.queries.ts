import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { BOOKING_STATUSES } from '../activities/activity-status.ts';
import type { LanguageLevel } from './experts.table.ts';
import { LEVEL_SHARE, NO_FEEDBACK_SHARE, REGION_SHARE, UNDECLARED_SHARE, WEIGHTS } from './matching.ts';

export interface MatchRequest {
  activityId: string;
  startDate: string;
  endDate: string;
  topics: string[];
  languages: string[];
  countries: string[];
  regions: string[];
  underRepresentedGender: string | null;
  limit: number;
}

export interface MatchRow {
  id: string;
  fullName: string;
  gender: string;
  countryCode: string;
  administration: string;
  feedbackCount: number;
  feedbackScoreSum: number;
  fromPartnerCountry: boolean;
  topicsMatched: string[] | null;
  /** `language:level` pairs for the working languages the expert speaks. */
  languageLevels: string[] | null;
  countryFit: string | null;
  regionFit: string | null;
  declared: boolean;
  windowStart: string | null;
  windowEnd: string | null;
  score: number;
  busyCount: number;
}

/** `a in (...)` over a list of values; an empty list matches nothing (`in (null)`). */
const inList = (values: readonly string[]) =>
  values.length
    ? sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )
    : sql`null`;
/** Our own constants, written into the statement (never user input). */
const n = (value: number) => sql.raw(String(value));

/**
 * Ranks the whole roster for one activity in one statement. Each criterion is a small aggregate
 * over the rows that match the activity (its topics, languages, countries, regions), hash-joined to
 * the experts; experts booked on overlapping dates (or already on the activity) are left out.
 * The score uses the weights of matching.ts, which also explains each returned expert.
 */
export function rankExpertsSql(request: MatchRequest): SQL {
  const { startDate: start, endDate: end } = request;
  const levelShare = sql.join(
    (Object.entries(LEVEL_SHARE) as [LanguageLevel, number][]).map(
      ([level, share]) => sql`when ${level} then ${n(share)}`,
    ),
    sql` `,
  );
  const covers = sql`start_date <= ${start} and end_date >= ${end}`;
  return sql`
    with topic_fit as (
      select expert_id, array_agg(topic_code order by topic_code) as matched
        from expert_topics where topic_code in (${inList(request.topics)}) group by expert_id
    ), language_fit as (
      select expert_id, array_agg(language || ':' || level::text order by language) as levels,
             sum(case level::text ${levelShare} else 0 end) as share
        from expert_languages where language in (${inList(request.languages)}) group by expert_id
    ), country_fit as (
      select expert_id, min(country_code) as code
        from expert_countries where country_code in (${inList(request.countries)}) group by expert_id
    ), region_fit as (
      select expert_id, min(code) as code from (
        select expert_id, region_code as code from expert_regions where region_code in (${inList(request.regions)})
        union all
        select ec.expert_id, c.region_code from expert_countries ec join countries c on c.code = ec.country_code
         where c.region_code in (${inList(request.regions)})
      ) r group by expert_id
    ), declared as (
      select expert_id, min(start_date) filter (where ${covers}) as window_start,
             min(end_date) filter (where ${covers}) as window_end
        from expert_availability group by expert_id
    ), busy as (
      select distinct d.expert_id from deployments d join activities a on a.id = d.activity_id
       where a.id <> ${request.activityId}
         and a.status::text in (${inList(BOOKING_STATUSES)})
         and a.start_date <= ${end} and a.end_date >= ${start}
    ), assigned as (
      select expert_id from deployments where activity_id = ${request.activityId}
    )
    select e.id, e.full_name as "fullName", e.gender::text as gender, e.country_code as "countryCode",
           e.administration, e.feedback_count as "feedbackCount", e.feedback_score_sum as "feedbackScoreSum",
           c.region_code <> 'eu' as "fromPartnerCountry",
           tf.matched as "topicsMatched", lf.levels as "languageLevels",
           cf.code as "countryFit", rf.code as "regionFit",
           dc.expert_id is not null as declared,
           dc.window_start::text as "windowStart", dc.window_end::text as "windowEnd",
           (select count(*) from busy b where not exists (select 1 from assigned s where s.expert_id = b.expert_id))::int as "busyCount",
           ( ${n(WEIGHTS.topic)}::float8 * coalesce(cardinality(tf.matched), 0) / ${n(Math.max(request.topics.length, 1))}
           + ${n(WEIGHTS.language)}::float8 * coalesce(lf.share, 0) / ${n(Math.max(request.languages.length, 1))}
           + case when cf.code is not null then ${n(WEIGHTS.experience)}
                  when rf.code is not null then ${n(WEIGHTS.experience * REGION_SHARE)} else 0 end
           + case when dc.window_start is not null then ${n(WEIGHTS.availability)}
                  when dc.expert_id is null then ${n(WEIGHTS.availability * UNDECLARED_SHARE)} else 0 end
           + case when e.feedback_count > 0
                  then ${n(WEIGHTS.feedback)}::float8 * (e.feedback_score_sum::float8 / e.feedback_count - 1) / 4
                  else ${n(WEIGHTS.feedback * NO_FEEDBACK_SHARE)} end
           + case when e.gender::text = ${request.underRepresentedGender} then ${n(WEIGHTS.balance / 2)} else 0 end
           + case when c.region_code <> 'eu' then ${n(WEIGHTS.balance / 2)} else 0 end
           )::float8 as score
      from experts e
      join countries c on c.code = e.country_code
      left join topic_fit tf on tf.expert_id = e.id
      left join language_fit lf on lf.expert_id = e.id
      left join country_fit cf on cf.expert_id = e.id
      left join region_fit rf on rf.expert_id = e.id
      left join declared dc on dc.expert_id = e.id
     where not exists (select 1 from busy b where b.expert_id = e.id)
       and not exists (select 1 from assigned s where s.expert_id = e.id)
     order by score desc, e.full_name, e.id
     limit ${request.limit}`;
}

/** Text arrays come back parsed from node-postgres, and as literals from some drivers. */
function textArray(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

export async function rankExperts(db: Db, request: MatchRequest): Promise<MatchRow[]> {
  const result = await db.execute(rankExpertsSql(request));
  return (result as unknown as { rows: MatchRow[] }).rows.map((row) => ({
    ...row,
    countryCode: row.countryCode.trim(),
    countryFit: row.countryFit?.trim() ?? null,
    topicsMatched: textArray(row.topicsMatched),
    languageLevels: textArray(row.languageLevels),
    feedbackCount: Number(row.feedbackCount),
    feedbackScoreSum: Number(row.feedbackScoreSum),
    score: Number(row.score),
    busyCount: Number(row.busyCount),
  }));
}
