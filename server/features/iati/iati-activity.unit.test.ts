import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../kernel/localized.ts';
import { readIatiConfig } from './iati.config.ts';
import { buildActivity, classifications, geography, narratives } from './iati-activity.build.ts';
import type { IatiActivity } from './iati-activity.model.ts';
import type { ActionSource } from './iati-export.loader.ts';
import { checkActivity, hasErrors } from './iati-problems.ts';
import { equalShares, sumOfPercentages } from './iati-shares.ts';

const config = readIatiConfig({});

const action = (overrides: Partial<ActionSource> = {}): ActionSource => ({
  id: '6f1c1d2e-0000-4000-8000-000000000001',
  code: 'testland-i',
  name: 'Testland I',
  title: { fr: 'Titre', en: 'Title' },
  summary: { en: 'Summary' },
  status: 'implementation',
  plannedStart: '2025-01-01',
  plannedEnd: '2026-12-31',
  actualStart: '2025-02-01',
  actualEnd: null,
  updatedAt: '2025-06-01T10:00:00Z',
  countries: [{ code: 'PE', regionCode: 'lac' }],
  topics: ['thb'],
  approaches: [],
  partners: [],
  documents: [],
  results: [],
  ...overrides,
});

describe('equalShares', () => {
  it('always adds up to exactly 100, in hundredths', () => {
    for (let n = 1; n <= 60; n++) {
      const shares = equalShares(n);
      expect(shares).toHaveLength(n);
      expect(sumOfPercentages(shares)).toBe(100);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(0.0100001);
    }
    expect(equalShares(3)).toEqual([33.34, 33.33, 33.33]);
    expect(equalShares(0)).toEqual([]);
  });
});

describe('buildActivity', () => {
  it('writes narratives in the interface languages’ order, leaving empty texts out', () => {
    expect(narratives({ ar: 'ع', en: 'E', de: 'D', fr: ' ' } as LocalizedText)).toEqual([
      { lang: 'en', text: 'E' },
      { lang: 'ar', text: 'ع' },
      { lang: 'de', text: 'D' },
    ]);
  });

  it('treats EU Member States as peers, not recipients, and sets the activity scope', () => {
    const regional = geography(
      action({
        countries: [
          { code: 'ES', regionCode: 'eu' },
          { code: 'PE', regionCode: 'lac' },
          { code: 'BO', regionCode: 'lac' },
        ],
      }),
    );
    expect(regional.recipientCountries).toEqual([
      { code: 'PE', percentage: 50 },
      { code: 'BO', percentage: 50 },
    ]);
    expect(regional.scope).toBe('2');
    const across = geography(
      action({
        countries: [
          { code: 'GH', regionCode: 'africa' },
          { code: 'PE', regionCode: 'lac' },
        ],
      }),
    );
    expect(across.scope).toBe('3');
    expect(geography(action({ countries: [{ code: 'FR', regionCode: 'eu' }] }))).toMatchObject({
      scope: undefined,
      recipientCountries: [],
    });
  });

  it('adds a topic’s own sector beside 15190 and shares the sectors equally', () => {
    const c = classifications(action({ topics: ['labour', 'thb'], approaches: ['gender'] }));
    expect(c.sectors).toEqual([
      { code: '15190', vocabulary: '1', percentage: 50 },
      { code: '16070', vocabulary: '1', percentage: 50 },
    ]);
    expect(c.tags.map((t) => t.code)).toEqual(['5.2', '8.7', '8.8', '10.7', '16.2']);
    expect(c.policyMarkers).toHaveLength(1);
    expect(classifications(action({ topics: ['remittances', 'data'] })).tags.map((t) => t.code)).toEqual([
      '10.c',
      '17.18',
    ]);
  });

  it('identifies the activity by the organisation and the Action’s UUID, and keeps the code beside it', () => {
    const activity = buildActivity(action(), config);
    expect(activity.identifier).toBe('XI-IATI-EXAMPLE-6f1c1d2e-0000-4000-8000-000000000001');
    expect(activity.otherIdentifiers).toEqual([{ ref: 'testland-i', type: 'A1' }]);
    expect(activity.status).toBe('2');
  });
});

describe('checkActivity', () => {
  const today = '2026-01-15';
  const codes = (activity: IatiActivity) => checkActivity(activity, today).map((p) => p.code);

  it('finds nothing wrong with a complete Action', () => {
    expect(checkActivity(buildActivity(action(), config), today)).toEqual([]);
  });

  it('warns of missing dates and dates that cannot be', () => {
    expect(codes(buildActivity(action({ plannedEnd: null }), config))).toEqual(['NO_END_DATE']);
    expect(codes(buildActivity(action({ actualStart: null }), config))).toEqual(['NO_ACTUAL_START']);
    expect(codes(buildActivity(action({ status: 'completed' }), config))).toEqual(['NO_ACTUAL_END']);
    expect(codes(buildActivity(action({ actualStart: '2026-03-01' }), config))).toEqual([
      'ACTUAL_DATE_IN_FUTURE',
    ]);
    expect(codes(buildActivity(action({ plannedEnd: '2024-01-01' }), config))).toEqual(['END_BEFORE_START']);
    const none = buildActivity(
      action({ plannedStart: null, plannedEnd: null, actualStart: null, status: 'design' }),
      config,
    );
    expect(codes(none)).toEqual(['NO_DATES']);
    expect(hasErrors(checkActivity(none, today))).toBe(true);
  });

  it('leaves out an activity without title or summary text', () => {
    const problems = checkActivity(buildActivity(action({ title: { en: ' ' }, summary: {} }), config), today);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['TITLE_WITHOUT_NARRATIVE', 'error'],
      ['DESCRIPTION_WITHOUT_NARRATIVE', 'error'],
    ]);
  });

  it('catches percentages that do not add up to 100', () => {
    const activity = buildActivity(action(), config);
    activity.recipientCountries = [
      { code: 'PE', percentage: 60 },
      { code: 'BO', percentage: 30 },
    ];
    activity.sectors = [{ code: '15190', vocabulary: '1', percentage: 99.99 }];
    const problems = checkActivity(activity, today);
    expect(problems.map((p) => p.message)).toEqual([
      'Recipient percentages add up to 90, not 100',
      'Sector percentages (vocabulary 1) add up to 99.99, not 100',
    ]);
    expect(hasErrors(problems)).toBe(true);
  });

  it('warns when no country outside the EU is named', () => {
    expect(codes(buildActivity(action({ countries: [] }), config))).toEqual(['NO_RECIPIENT']);
  });
});
