import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import { BOOKING_STATUSES } from '../activities/activity-status.ts';
import type { LanguageLevel } from './experts.table.ts';
import {
  LEVEL_SHARE,
  NO_FEEDBACK_SHARE,
  prunedRankingSuffices,
  REGION_SHARE,
  UNDECLARED_SHARE,
  WEIGHTS,
} from './matching.ts';

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
  /** The declared window that covers the activity, as `start/end`. */
  window: string | null;
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
 * Ranks experts for one activity in one statement. Every fit is a narrow row per (expert,
 * criterion) from the rows that match the activity (its topics, languages, countries and regions
 * of experience; declared availability), summed per expert in one aggregate, joined to the experts
 * once and ranked; experts booked on overlapping dates, or already on the activity, are left out.
 * Only the best `limit` are then described, for the reasons shown. The score uses the weights of
 * matching.ts, which also explains each returned expert.
 *
 * With `among: 'topic-or-country'` only experts who work on one of the topics or know one of the
 * countries are ranked: far fewer rows, and exact whenever the last of them scores above what any
 * other expert could reach (see `rankExperts`).
 */
export function rankExpertsSql(request: MatchRequest, among: 'everyone' | 'topic-or-country'): SQL {
  const { startDate: start, endDate: end } = request;
  const levelShare = sql.join(
    (Object.entries(LEVEL_SHARE) as [LanguageLevel, number][]).map(
      ([level, share]) => sql`when ${level} then ${n(share)}`,
    ),
    sql` `,
  );
  const topics = inList(request.topics);
  const countries = inList(request.countries);
  const regions = inList(request.regions);
  const pruned = among === 'topic-or-country';
  const onlyCandidates = pruned ? sql` and expert_id in (select expert_id from candidates)` : sql``;
  return sql`
    with eu as (
      select code from countries where region_code = 'eu'
    ), candidates as (
      select expert_id from expert_topics where topic_code in (${topics})
      union
      select expert_id from expert_countries where country_code in (${countries})
    ), busy as (
      select distinct d.expert_id from deployments d join activities a on a.id = d.activity_id
       where a.id <> ${request.activityId}
         and a.status::text in (${inList(BOOKING_STATUSES)})
         and a.start_date <= ${end} and a.end_date >= ${start}
    ), assigned as (
      select expert_id from deployments where activity_id = ${request.activityId}
    ), excluded as (
      select expert_id from busy union select expert_id from assigned
    ), fit as (
      select expert_id, sum(topic) as topics, sum(language) as language, max(experience) as experience,
             max(availability) as availability
        from (
          select expert_id, 1 as topic, 0::float8 as language, 0 as experience, 0 as availability
            from expert_topics where topic_code in (${topics})
          union all
          select expert_id, 0, case level::text ${levelShare} else 0 end, 0, 0
            from expert_languages where language in (${inList(request.languages)})${onlyCandidates}
          union all
          select expert_id, 0, 0, 2, 0 from expert_countries where country_code in (${countries})
          union all
          select expert_id, 0, 0, 1, 0 from expert_regions where region_code in (${regions})${onlyCandidates}
          union all
          select expert_id, 0, 0, 0, case when start_date <= ${start} and end_date >= ${end} then 2 else 1 end
            from expert_availability where true${onlyCandidates}
        ) facts
       group by expert_id
    ), ranked as (
      -- Narrow rows only: names and the like are read for the best few, below.
      select e.id, e.feedback_count, e.feedback_score_sum, e.gender, e.country_code,
             coalesce(f.availability, 0) > 0 as declared,
             ( ${n(WEIGHTS.topic)}::float8 * coalesce(f.topics, 0) / ${n(Math.max(request.topics.length, 1))}
             + ${n(WEIGHTS.language)}::float8 * coalesce(f.language, 0) / ${n(Math.max(request.languages.length, 1))}
             + case f.experience when 2 then ${n(WEIGHTS.experience)}
                                 when 1 then ${n(WEIGHTS.experience * REGION_SHARE)} else 0 end
             + case coalesce(f.availability, 0) when 2 then ${n(WEIGHTS.availability)}
                                                when 0 then ${n(WEIGHTS.availability * UNDECLARED_SHARE)} else 0 end
             + case when e.feedback_count > 0
                    then ${n(WEIGHTS.feedback)}::float8 * (e.feedback_score_sum::float8 / e.feedback_count - 1) / 4
                    else ${n(WEIGHTS.feedback * NO_FEEDBACK_SHARE)} end
             + case when e.gender::text = ${request.underRepresentedGender} then ${n(WEIGHTS.balance / 2)} else 0 end
             + case when e.country_code in (select code from eu) then 0 else ${n(WEIGHTS.balance / 2)} end
             )::float8 as score
        from experts e
        left join fit f on f.expert_id = e.id
       where not exists (select 1 from excluded x where x.expert_id = e.id)
         ${pruned ? sql`and e.id in (select expert_id from candidates)` : sql``}
       order by score desc, e.id
       limit ${request.limit}
    )
    select r.id, e.full_name as "fullName", r.gender::text as gender, r.country_code as "countryCode",
           e.administration, r.feedback_count as "feedbackCount", r.feedback_score_sum as "feedbackScoreSum",
           r.country_code not in (select code from eu) as "fromPartnerCountry", r.declared, r.score,
           (select count(*) from busy b where not exists (select 1 from assigned s where s.expert_id = b.expert_id))::int as "busyCount",
           (select array_agg(topic_code order by topic_code) from expert_topics
             where expert_id = r.id and topic_code in (${topics})) as "topicsMatched",
           (select array_agg(language || ':' || level::text order by language) from expert_languages
             where expert_id = r.id and language in (${inList(request.languages)})) as "languageLevels",
           (select min(country_code) from expert_countries
             where expert_id = r.id and country_code in (${countries})) as "countryFit",
           (select min(region_code) from expert_regions
             where expert_id = r.id and region_code in (${regions})) as "regionFit",
           (select start_date::text || '/' || end_date::text from expert_availability
             where expert_id = r.id and start_date <= ${start} and end_date >= ${end}
             order by start_date limit 1) as "window"
      from ranked r join experts e on e.id = r.id
     order by r.score desc, e.full_name, r.id`;
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

async function run(
  db: Db,
  request: MatchRequest,
  among: 'everyone' | 'topic-or-country',
): Promise<MatchRow[]> {
  const rows = await queryRows<MatchRow>(db, rankExpertsSql(request, among));
  return rows.map((row) => ({
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

/**
 * The best `limit` experts for an activity. Ranking first among those who work on its topics or
 * know its countries touches a fraction of the roster; the answer is exact when the last of them
 * scores above the most that anyone else could (ADR 022), otherwise the whole roster is ranked.
 */
export async function rankExperts(db: Db, request: MatchRequest): Promise<MatchRow[]> {
  const candidates = await run(db, request, 'topic-or-country');
  if (
    prunedRankingSuffices(
      candidates.map((row) => row.score),
      request.limit,
    )
  )
    return candidates;
  return run(db, request, 'everyone');
}
