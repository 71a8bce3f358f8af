import type { EligibilityOutcome, EligibilityResult } from './requests.table.ts';

// The eligibility rules, as pure functions of what the service gathered. Each gives a result with a
// reason a person can check: an officer must be able to see why a rule passed, warned or failed.

export interface MandateSettings {
  regions: string[];
  countries: string[];
  excludedCountries: string[];
  topics: string[];
}

export interface EligibilityFacts {
  countries: { code: string; regionCode: string }[];
  topics: string[];
  institutions: { name: string; type: string; role: 'requesting' | 'joint' }[];
  /** Ongoing Actions of the same institution or country on one of the topics. */
  overlappingActions: { name: string; status: string }[];
  /** Open requests of the same institution or country on one of the topics (not this one). */
  overlappingRequests: { number: number; title: string; status: string }[];
  /** The institution's earlier Actions and requests, oldest first. */
  earlierActions: { name: string; status: string }[];
  earlierRequests: { number: number; title: string; status: string }[];
}

/** Institution types that are not public bodies of a partner country. */
const NOT_PUBLIC = new Set(['civil_society', 'international_organisation']);

function result(
  rule: EligibilityResult['rule'],
  outcome: EligibilityOutcome,
  code: string,
  reason: string,
  params: Record<string, string[]> = {},
): EligibilityResult {
  return { rule, outcome, code: `${rule}.${code}`, reason, params };
}

export function countryRule(facts: EligibilityFacts, mandate: MandateSettings): EligibilityResult {
  if (facts.countries.length === 0) return result('country', 'fail', 'none_given', 'No country is named');
  const eligible = (c: { code: string; regionCode: string }) =>
    !mandate.excludedCountries.includes(c.code) &&
    (mandate.regions.includes(c.regionCode) || mandate.countries.includes(c.code));
  const inside = facts.countries.filter(eligible).map((c) => c.code);
  const outside = facts.countries.filter((c) => !eligible(c)).map((c) => c.code);
  if (outside.length === 0) {
    return result('country', 'pass', 'all_eligible', `Within the mandate: ${inside.join(', ')}`, {
      countries: inside,
    });
  }
  if (inside.length === 0) {
    return result('country', 'fail', 'none_eligible', `Outside the mandate: ${outside.join(', ')}`, {
      countries: outside,
    });
  }
  return result(
    'country',
    'warning',
    'some_outside',
    `Within the mandate: ${inside.join(', ')}; outside it: ${outside.join(', ')}`,
    { countries: inside, outside },
  );
}

export function institutionRule(facts: EligibilityFacts): EligibilityResult {
  const requesting = facts.institutions.find((i) => i.role === 'requesting');
  if (!requesting) return result('institution', 'fail', 'none_given', 'No requesting institution');
  const publicJoint = facts.institutions
    .filter((i) => i.role === 'joint' && !NOT_PUBLIC.has(i.type))
    .map((i) => i.name);
  const name = [requesting.name];
  if (!NOT_PUBLIC.has(requesting.type)) {
    return result('institution', 'pass', 'public', `${requesting.name} is a public institution`, {
      institution: name,
    });
  }
  if (publicJoint.length > 0) {
    return result(
      'institution',
      'pass',
      'joint_with_public',
      `${requesting.name} requests jointly with a public institution: ${publicJoint.join(', ')}`,
      { institution: name, joint: publicJoint },
    );
  }
  if (requesting.type === 'civil_society') {
    return result(
      'institution',
      'fail',
      'civil_society_alone',
      `${requesting.name} is a civil-society organisation; it may only request jointly with a public institution`,
      { institution: name },
    );
  }
  return result(
    'institution',
    'warning',
    'not_public',
    `${requesting.name} is not a public institution of a partner country; a public institution should join the request`,
    { institution: name },
  );
}

export function topicRule(facts: EligibilityFacts, mandate: MandateSettings): EligibilityResult {
  if (facts.topics.length === 0) return result('topic', 'fail', 'none_given', 'No topic is named');
  const inside = facts.topics.filter((t) => mandate.topics.includes(t));
  const outside = facts.topics.filter((t) => !mandate.topics.includes(t));
  if (outside.length === 0) {
    return result('topic', 'pass', 'all_within', `Within the mandate: ${inside.join(', ')}`, {
      topics: inside,
    });
  }
  if (inside.length === 0) {
    return result('topic', 'fail', 'none_within', `Outside the mandate: ${outside.join(', ')}`, {
      topics: outside,
    });
  }
  return result(
    'topic',
    'warning',
    'some_outside',
    `Within the mandate: ${inside.join(', ')}; outside it: ${outside.join(', ')}`,
    { topics: inside, outside },
  );
}

const requestLabel = (r: { number: number; title: string }) => `#${r.number} ${r.title}`;

export function overlapRule(facts: EligibilityFacts): EligibilityResult {
  const actions = facts.overlappingActions.map((a) => a.name);
  const requests = facts.overlappingRequests.map(requestLabel);
  if (actions.length === 0 && requests.length === 0) {
    return result('overlap', 'pass', 'none', 'No ongoing Action or open request on the same topic');
  }
  const named = [...actions.map((a) => `Action ${a}`), ...requests.map((r) => `request ${r}`)];
  return result(
    'overlap',
    'warning',
    'found',
    `The same institution or country has work on the same topic: ${named.join('; ')}`,
    { actions, requests },
  );
}

export function historyRule(facts: EligibilityFacts): EligibilityResult {
  const actions = facts.earlierActions.map((a) => a.name);
  const requests = facts.earlierRequests.map((r) => `${requestLabel(r)} (${r.status})`);
  if (actions.length === 0 && requests.length === 0) {
    return result('history', 'pass', 'first', 'The institution’s first request to the facility');
  }
  const parts = [
    actions.length ? `earlier Actions: ${actions.join(', ')}` : '',
    requests.length ? `earlier requests: ${requests.join(', ')}` : '',
  ].filter(Boolean);
  return result(
    'history',
    'pass',
    'earlier',
    `The institution has worked with the facility: ${parts.join('; ')}`,
    {
      actions,
      requests,
    },
  );
}

/** Every rule, in the order an officer reads them. */
export function evaluateEligibility(facts: EligibilityFacts, mandate: MandateSettings): EligibilityResult[] {
  return [
    countryRule(facts, mandate),
    institutionRule(facts),
    topicRule(facts, mandate),
    overlapRule(facts),
    historyRule(facts),
  ];
}
