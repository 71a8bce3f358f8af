import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppError } from '../../kernel/errors.ts';
import { nextSequence, romanNumeral, slug } from '../actions/actions.for-requests.ts';
import { composeMail, mailCatalog, notificationKinds } from '../notifications/mail-catalog.ts';
import { type EligibilityFacts, evaluateEligibility, type MandateSettings } from './requests.eligibility.ts';
import { assertTransition, canTransition, type RequestAccess } from './requests.policy.ts';

const mandate: MandateSettings = {
  regions: ['africa', 'lac'],
  countries: ['UA'],
  excludedCountries: ['SD'],
  topics: ['thb', 'som'],
};
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  countries: [{ code: 'GH', regionCode: 'africa' }],
  topics: ['thb'],
  institutions: [{ name: 'GIS', type: 'agency', role: 'requesting' }],
  overlappingActions: [],
  overlappingRequests: [],
  earlierActions: [],
  earlierRequests: [],
  ...over,
});
const byRule = (f: EligibilityFacts) =>
  Object.fromEntries(evaluateEligibility(f, mandate).map((r) => [r.rule, r]));

describe('the eligibility rules', () => {
  it('read countries by region, by exception and by exclusion', () => {
    expect(byRule(facts()).country?.outcome).toBe('pass');
    expect(byRule(facts({ countries: [{ code: 'UA', regionCode: 'east' }] })).country?.outcome).toBe('pass');
    expect(byRule(facts({ countries: [{ code: 'SD', regionCode: 'africa' }] })).country?.outcome).toBe(
      'fail',
    );
    expect(byRule(facts({ countries: [] })).country?.code).toBe('country.none_given');
  });

  it('let civil society request only jointly with a public institution', () => {
    const cso = { name: 'Colectivo', type: 'civil_society', role: 'requesting' as const };
    expect(byRule(facts({ institutions: [cso] })).institution?.outcome).toBe('fail');
    const joint = byRule(facts({ institutions: [cso, { name: 'PNP', type: 'police', role: 'joint' }] }));
    expect(joint.institution).toMatchObject({ outcome: 'pass', params: { joint: ['PNP'] } });
    const withCso = byRule(
      facts({ institutions: [cso, { name: 'Other', type: 'civil_society', role: 'joint' }] }),
    );
    expect(withCso.institution?.outcome).toBe('fail');
    const io = byRule(
      facts({ institutions: [{ name: 'IOM', type: 'international_organisation', role: 'requesting' }] }),
    );
    expect(io.institution?.outcome).toBe('warning');
  });

  it('warn of overlap, naming the Action and the request', () => {
    const overlap = byRule(
      facts({
        overlappingActions: [{ name: 'Ghana III', status: 'implementation' }],
        overlappingRequests: [{ number: 7, title: 'SOPs', status: 'screening' }],
      }),
    ).overlap;
    expect(overlap).toMatchObject({
      outcome: 'warning',
      params: { actions: ['Ghana III'], requests: ['#7 SOPs'] },
    });
    expect(overlap?.reason).toBe(
      'The same institution or country has work on the same topic: Action Ghana III; request #7 SOPs',
    );
  });

  it('tell the institution’s history', () => {
    const history = byRule(
      facts({
        earlierActions: [
          { name: 'Peru I', status: 'completed' },
          { name: 'Peru II', status: 'completed' },
        ],
      }),
    ).history;
    expect(history).toMatchObject({
      outcome: 'pass',
      code: 'history.earlier',
      params: { actions: ['Peru I', 'Peru II'] },
    });
    expect(byRule(facts()).history?.code).toBe('history.first');
  });
});

describe('the lifecycle policy', () => {
  const partner: Actor = { id: 'p', email: 'p', name: 'P', role: 'partner', institutionId: 'gis' };
  const officer: Actor = { ...partner, id: 'o', role: 'officer', institutionId: null };
  const steering: Actor = { ...officer, id: 's', role: 'steering' };
  const request = (status: RequestAccess['status']): RequestAccess => ({
    status,
    requestingInstitutionId: 'gis',
    jointInstitutionIds: ['mlje'],
  });

  it('checks the role before the state', () => {
    const error = (() => {
      try {
        assertTransition(partner, request('draft'), 'approve');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.code).toBe('REQUEST_DECISION_IS_FOR_STEERING');
  });

  it('allows each step to its role from its states only', () => {
    expect(canTransition(partner, request('draft'), 'submit')).toBe(true);
    expect(canTransition(officer, request('draft'), 'submit')).toBe(true);
    expect(
      canTransition(
        partner,
        { ...request('draft'), requestingInstitutionId: 'mlje', jointInstitutionIds: ['gis'] },
        'submit',
      ),
    ).toBe(false);
    expect(canTransition(officer, request('clarification'), 'send-to-steering')).toBe(false);
    expect(canTransition(steering, request('steering_review'), 'approve')).toBe(true);
    expect(canTransition(partner, request('approved'), 'withdraw')).toBe(false);
  });
});

describe('naming Actions', () => {
  it('writes roman numerals and finds the next in a series', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
    const peru = [
      { name: 'Peru I', sequence: 1 },
      { name: 'Peru II', sequence: 2 },
      { name: 'Peru III', sequence: 3 },
      { name: 'Peruvian Network', sequence: 7 },
    ];
    expect(nextSequence('Peru', peru)).toBe(4);
    expect(nextSequence('IberRed', [{ name: 'IberRed', sequence: 1 }])).toBe(2);
    expect(nextSequence('Chile', peru)).toBe(1);
    expect(slug("Côte d'Ivoire II")).toBe('cote-d-ivoire-ii');
  });
});

describe('the mail catalog', () => {
  it('has every notification in every language, and fills in the details', () => {
    for (const texts of Object.values(mailCatalog)) {
      for (const kind of notificationKinds) {
        expect(texts.subjects[kind]).toBeTruthy();
        expect(texts.lines[kind]).toBeTruthy();
      }
    }
    const mail = composeMail('request.declined', 'fr', {
      number: 4,
      title: 'Formation',
      reason: 'Hors mandat',
      link: 'https://x/app/requests/1',
    });
    expect(mail.subject).toBe('Demande 4 refusée');
    expect(mail.text).toContain('Motif : Hors mandat');
    expect(mail.text).toContain('https://x/app/requests/1');
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });
});
