import { describe, expect, it } from 'vitest';
import {
  explainMatch,
  MAX_WITHOUT_TOPIC_OR_COUNTRY,
  type MatchFacts,
  prunedRankingSuffices,
  underRepresented,
  WEIGHTS,
} from './matching.ts';

const facts = (overrides: Partial<MatchFacts> = {}): MatchFacts => ({
  topicsMatched: ['thb'],
  topicsWanted: 1,
  languages: [{ language: 'en', level: 'fluent' }],
  experience: { kind: 'country', code: 'GH' },
  availability: { kind: 'covered', window: { startDate: '2026-01-01', endDate: '2026-12-31' } },
  feedback: { count: 2, average: 5 },
  gender: 'female',
  underRepresentedGender: 'female',
  countryCode: 'KE',
  fromPartnerCountry: true,
  ...overrides,
});

describe('explainMatch', () => {
  it('gives a perfect fit every point, and the total is the sum of the reasons', () => {
    const { score, reasons } = explainMatch(facts());
    expect(score).toBe(100);
    expect(reasons.reduce((sum, r) => sum + r.max, 0)).toBe(100);
    expect(reasons.every((r) => r.points === r.max)).toBe(true);
  });

  it('says why an expert ranks low, criterion by criterion', () => {
    const { score, reasons } = explainMatch(
      facts({
        topicsMatched: [],
        languages: [{ language: 'fr', level: null }],
        experience: { kind: 'none', code: null },
        availability: { kind: 'outside', window: null },
        feedback: { count: 0, average: null },
        underRepresentedGender: null,
        fromPartnerCountry: false,
      }),
    );
    expect(reasons.map((r) => r.code)).toEqual([
      'no_topics',
      'no_languages',
      'no_experience',
      'not_declared_available',
      'no_feedback',
      'no_gender_balance',
      'member_state',
    ]);
    expect(score).toBe(WEIGHTS.feedback / 2);
  });

  it('weighs partial fits: half the topics, a working language, the region, unknown availability', () => {
    const { reasons } = explainMatch(
      facts({
        topicsMatched: ['thb'],
        topicsWanted: 2,
        languages: [
          { language: 'en', level: 'working' },
          { language: 'fr', level: null },
        ],
        experience: { kind: 'region', code: 'africa' },
        availability: { kind: 'undeclared', window: null },
        feedback: { count: 4, average: 3 },
      }),
    );
    const points = Object.fromEntries(reasons.map((r) => [r.code, r.points]));
    expect(points).toMatchObject({
      topics: 15,
      languages: 7,
      region_experience: 7.5,
      availability_unknown: 5,
      feedback: 7.5,
    });
  });

  it('rewards better feedback with more points', () => {
    const good = explainMatch(facts({ feedback: { count: 3, average: 4.7 } })).score;
    const poor = explainMatch(facts({ feedback: { count: 3, average: 2 } })).score;
    expect(good).toBeGreaterThan(poor);
  });
});

describe('underRepresented', () => {
  it('names the gender the team lacks, or none when balanced', () => {
    expect(underRepresented({ female: 1, male: 3 })).toBe('female');
    expect(underRepresented({ female: 2, male: 0 })).toBe('male');
    expect(underRepresented({ female: 2, male: 2 })).toBeNull();
  });
});

describe('prunedRankingSuffices', () => {
  it('trusts the ranking of topic or country experts only when its last score is out of others’ reach', () => {
    expect(MAX_WITHOUT_TOPIC_OR_COUNTRY).toBe(62.5);
    expect(prunedRankingSuffices([90, 80, 70], 3)).toBe(true);
    expect(prunedRankingSuffices([90, 80, 62.5], 3)).toBe(false);
    expect(prunedRankingSuffices([90, 80], 3)).toBe(false);
    expect(prunedRankingSuffices([], 1)).toBe(false);
  });
});
