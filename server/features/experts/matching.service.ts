import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { actionFacets } from '../actions/action-access.ts';
import { loadVisibleActivity } from '../activities/activity-access.ts';
import { teamGenderCounts } from './deployments.queries.ts';
import type { LanguageLevel } from './experts.table.ts';
import type { ExpertMatches } from './matching.contract.ts';
import { type MatchRow, rankExperts } from './matching.queries.ts';
import { explainMatch, underRepresented } from './matching.ts';

const STAFF = ['admin', 'officer'] as const;
const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
];

const windowOf = (text: string) => {
  const [startDate = '', endDate = ''] = text.split('/');
  return { startDate, endDate };
};

function factsOf(row: MatchRow, request: { topics: string[]; languages: string[] }, under: string | null) {
  const levels = new Map(
    (row.languageLevels ?? []).map((pair) => pair.split(':') as [string, LanguageLevel]),
  );
  return {
    topicsMatched: row.topicsMatched ?? [],
    topicsWanted: request.topics.length,
    languages: request.languages.map((language) => ({ language, level: levels.get(language) ?? null })),
    experience: row.countryFit
      ? { kind: 'country' as const, code: row.countryFit }
      : row.regionFit
        ? { kind: 'region' as const, code: row.regionFit }
        : { kind: 'none' as const, code: null },
    availability: row.window
      ? { kind: 'covered' as const, window: windowOf(row.window) }
      : { kind: row.declared ? ('outside' as const) : ('undeclared' as const), window: null },
    feedback: {
      count: row.feedbackCount,
      average: row.feedbackCount ? row.feedbackScoreSum / row.feedbackCount : null,
    },
    gender: row.gender,
    underRepresentedGender: under,
    countryCode: row.countryCode,
    fromPartnerCountry: row.fromPartnerCountry,
  };
}

/**
 * The roster ranked for an activity (staff only): by topic, working language, experience of the
 * country or region, declared availability, past feedback and the team's balance, each expert
 * with the reasons for their place. Experts busy on overlapping dates are never proposed.
 */
export async function matchExperts(
  db: Db,
  actor: Actor | null,
  activityId: string,
  limit: number,
): Promise<ExpertMatches> {
  const { activity } = await loadVisibleActivity(db, actor, activityId);
  requireRole(actor, STAFF);
  const [facets, team] = await Promise.all([
    actionFacets(db, activity.actionId),
    teamGenderCounts(db, activity.actionId),
  ]);
  const request = {
    activityId,
    startDate: activity.startDate,
    endDate: activity.endDate,
    topics: facets.topics,
    languages: activity.workingLanguages,
    countries: unique([activity.countryCode?.trim(), ...facets.countries.map((c) => c.code)]),
    regions: unique(facets.countries.map((c) => c.regionCode)),
    underRepresentedGender: underRepresented(team),
    limit,
  };
  const rows = await rankExperts(db, request);
  return {
    activityId,
    criteria: {
      topics: request.topics,
      languages: request.languages,
      countries: request.countries,
      regions: request.regions,
      startDate: request.startDate,
      endDate: request.endDate,
      underRepresentedGender: request.underRepresentedGender,
    },
    excludedBusy: rows[0]?.busyCount ?? 0,
    matches: rows.map((row) => ({
      expert: {
        id: row.id,
        fullName: row.fullName,
        gender: row.gender as ExpertMatches['matches'][number]['expert']['gender'],
        countryCode: row.countryCode,
        administration: row.administration,
      },
      ...explainMatch(factsOf(row, request, request.underRepresentedGender)),
    })),
  };
}
