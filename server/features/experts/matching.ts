import type { LanguageLevel } from './experts.table.ts';

/**
 * How experts are ranked for an activity: points out of 100, by criterion. The SQL that ranks the
 * whole roster (matching.queries.ts) is built from these same numbers, and the reasons shown for
 * each expert are computed from them here, so the ranking and its explanation cannot drift apart.
 */
export const WEIGHTS = {
  topic: 30,
  language: 20,
  experience: 15,
  availability: 10,
  feedback: 15,
  balance: 10,
} as const;
export type Criterion = keyof typeof WEIGHTS;

/** How much of the language points each level earns. */
export const LEVEL_SHARE: Record<LanguageLevel, number> = { native: 1, fluent: 1, working: 0.7, basic: 0.25 };
/** Experience of the region, not the country itself, earns this share of the experience points. */
export const REGION_SHARE = 0.5;
/** Availability not declared at all earns this share: unknown, neither a yes nor a no. */
export const UNDECLARED_SHARE = 0.5;
/** Without any feedback yet, an expert is neither rewarded nor penalised: the middle of the scale. */
export const NO_FEEDBACK_SHARE = 0.5;

export interface MatchFacts {
  topicsMatched: string[];
  topicsWanted: number;
  /** For each working language of the activity, the expert's level in it (null: does not speak it). */
  languages: { language: string; level: LanguageLevel | null }[];
  experience: { kind: 'country' | 'region' | 'none'; code: string | null };
  availability: {
    kind: 'covered' | 'undeclared' | 'outside';
    window: { startDate: string; endDate: string } | null;
  };
  feedback: { count: number; average: number | null };
  gender: string;
  /** The gender the Action's team lacks, if it is unbalanced. */
  underRepresentedGender: string | null;
  countryCode: string;
  fromPartnerCountry: boolean;
}

export interface Reason {
  criterion: Criterion;
  points: number;
  max: number;
  /** A stable code for clients to phrase the reason in their language, with `params`. */
  code: string;
  params: Record<string, string | number>;
  /** The reason in English, for API clients that show it as is. */
  text: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function reason(
  criterion: Criterion,
  share: number,
  code: string,
  params: Reason['params'],
  text: string,
  max: number = WEIGHTS[criterion],
): Reason {
  return { criterion, points: round1(max * share), max, code, params, text };
}

export function languageShare(languages: MatchFacts['languages']): number {
  if (languages.length === 0) return 0;
  const total = languages.reduce((sum, l) => sum + (l.level ? LEVEL_SHARE[l.level] : 0), 0);
  return total / languages.length;
}

/** The reasons, criterion by criterion, why an expert fits an activity, and the total score. */
export function explainMatch(facts: MatchFacts): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const { topicsMatched, topicsWanted } = facts;
  reasons.push(
    topicsMatched.length
      ? reason(
          'topic',
          topicsMatched.length / Math.max(topicsWanted, 1),
          'topics',
          {
            topics: topicsMatched.join(', '),
            matched: topicsMatched.length,
            wanted: topicsWanted,
          },
          `Works on ${topicsMatched.length} of the Action's ${topicsWanted} topics (${topicsMatched.join(', ')})`,
        )
      : reason('topic', 0, 'no_topics', { wanted: topicsWanted }, 'Works on none of the Action’s topics'),
  );

  const spoken = facts.languages.filter((l) => l.level !== null);
  const best = [...spoken].sort(
    (a, b) => LEVEL_SHARE[b.level ?? 'basic'] - LEVEL_SHARE[a.level ?? 'basic'],
  )[0];
  reasons.push(
    best?.level
      ? reason(
          'language',
          languageShare(facts.languages),
          'languages',
          {
            covered: spoken.length,
            of: facts.languages.length,
            language: best.language,
            level: best.level,
          },
          `Speaks ${spoken.length} of ${facts.languages.length} working languages (${spoken.map((l) => `${l.language}: ${l.level}`).join(', ')})`,
        )
      : reason(
          'language',
          0,
          'no_languages',
          { of: facts.languages.length },
          'Speaks none of the working languages',
        ),
  );

  const { experience } = facts;
  reasons.push(
    experience.kind === 'country'
      ? reason(
          'experience',
          1,
          'country_experience',
          { country: experience.code ?? '' },
          `Has worked in ${experience.code}`,
        )
      : experience.kind === 'region'
        ? reason(
            'experience',
            REGION_SHARE,
            'region_experience',
            { region: experience.code ?? '' },
            `Has worked in the region (${experience.code})`,
          )
        : reason('experience', 0, 'no_experience', {}, 'No experience of the country or its region'),
  );

  const { availability } = facts;
  reasons.push(
    availability.kind === 'covered'
      ? reason(
          'availability',
          1,
          'available',
          { ...availability.window },
          `Declared available from ${availability.window?.startDate} to ${availability.window?.endDate}`,
        )
      : availability.kind === 'undeclared'
        ? reason(
            'availability',
            UNDECLARED_SHARE,
            'availability_unknown',
            {},
            'Has not declared availability; free of other deployments on these dates',
          )
        : reason(
            'availability',
            0,
            'not_declared_available',
            {},
            'Declared availability does not cover these dates',
          ),
  );

  const { feedback } = facts;
  reasons.push(
    feedback.count > 0 && feedback.average !== null
      ? reason(
          'feedback',
          (feedback.average - 1) / 4,
          'feedback',
          { average: round1(feedback.average), count: feedback.count },
          `Average feedback ${round1(feedback.average)} of 5 over ${feedback.count} deployments`,
        )
      : reason('feedback', NO_FEEDBACK_SHARE, 'no_feedback', {}, 'No feedback yet'),
  );

  const half = WEIGHTS.balance / 2;
  const genderBonus = facts.underRepresentedGender !== null && facts.gender === facts.underRepresentedGender;
  reasons.push(
    genderBonus
      ? reason(
          'balance',
          1,
          'gender_balance',
          { gender: facts.gender },
          `Brings gender balance to the team (${facts.gender})`,
          half,
        )
      : reason('balance', 0, 'no_gender_balance', {}, 'The team’s gender balance does not change', half),
    facts.fromPartnerCountry
      ? reason(
          'balance',
          1,
          'partner_country',
          { country: facts.countryCode },
          `A peer from a partner country (${facts.countryCode})`,
          half,
        )
      : reason(
          'balance',
          0,
          'member_state',
          { country: facts.countryCode },
          `From an EU Member State (${facts.countryCode})`,
          half,
        ),
  );

  return { score: round1(reasons.reduce((sum, r) => sum + r.points, 0)), reasons };
}

/** The gender with fewer deployments on the Action, or null when the team is balanced. */
export function underRepresented(counts: { female: number; male: number }): 'female' | 'male' | null {
  if (counts.female < counts.male) return 'female';
  if (counts.male < counts.female) return 'male';
  return null;
}

/**
 * The most an expert who neither works on any of the Action's topics nor knows any of its
 * countries can score: every point but the topic's, and the region's share of experience.
 */
export const MAX_WITHOUT_TOPIC_OR_COUNTRY =
  WEIGHTS.language +
  WEIGHTS.experience * REGION_SHARE +
  WEIGHTS.availability +
  WEIGHTS.feedback +
  WEIGHTS.balance;

/**
 * Whether the ranking of the experts who work on a topic or know a country (best first) is the
 * ranking of the whole roster: it is when it fills the page and its last score beats what anyone
 * else could reach.
 */
export function prunedRankingSuffices(scores: number[], limit: number): boolean {
  const last = scores[limit - 1];
  return scores.length >= limit && last !== undefined && last > MAX_WITHOUT_TOPIC_OR_COUNTRY;
}
