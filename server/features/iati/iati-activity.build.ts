import { LANGUAGES, type LocalizedText } from '../../kernel/localized.ts';
import {
  activityScope,
  activityStatusCode,
  dateType,
  defaultAidType,
  GENDER_APPROACH,
  GENERAL_DESCRIPTION,
  genderMarker,
  INTERNAL_IDENTIFIER_TYPE,
  MIGRATION_SECTOR,
  NON_RECIPIENT_REGION,
  orgRole,
  SECTOR_VOCABULARY_DAC,
  TAG_VOCABULARY_SDG_TARGET,
  topicSdgTargets,
  topicSectors,
} from './iati.codes.ts';
import type { IatiConfig } from './iati.config.ts';
import type { IatiActivity, Narrative, ParticipatingOrg } from './iati-activity.model.ts';
import type { ActionSource } from './iati-export.loader.ts';
import { equalShares } from './iati-shares.ts';

const languageRank = (lang: string) => {
  const rank = (LANGUAGES as readonly string[]).indexOf(lang);
  return rank === -1 ? LANGUAGES.length : rank;
};

/** A narrative per language the text is written in (interface languages first), empty ones left out. */
export function narratives(text: LocalizedText): Narrative[] {
  return Object.entries(text)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .sort(([a], [b]) => languageRank(a) - languageRank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([lang, value]) => ({ lang, text: value.trim() }));
}

const english = (text: string): Narrative[] => [{ lang: 'en', text }];

/** The identifier: the reporting organisation's, a hyphen, the Action's UUID (never reused). */
export const activityIdentifier = (config: IatiConfig, actionId: string) => `${config.orgRef}-${actionId}`;

export function identification(action: ActionSource, config: IatiConfig) {
  return {
    identifier: activityIdentifier(config, action.id),
    lastUpdated: action.updatedAt,
    reportingOrg: { ref: config.orgRef, type: config.orgType, name: english(config.orgName) },
    title: narratives(action.title),
    descriptions: [{ type: GENERAL_DESCRIPTION, narratives: narratives(action.summary) }],
    otherIdentifiers: [{ ref: action.code, type: INTERNAL_IDENTIFIER_TYPE }],
  };
}

/** The funder funds; the facility is accountable for, extends and implements; partners co-implement. */
export function participatingOrgs(action: ActionSource, config: IatiConfig): ParticipatingOrg[] {
  const facility = { ref: config.orgRef, type: config.orgType, name: english(config.orgName) };
  return [
    {
      role: orgRole.funding,
      ref: config.funderRef,
      type: config.funderType,
      name: english(config.funderName),
    },
    { role: orgRole.accountable, ...facility },
    { role: orgRole.extending, ...facility },
    { role: orgRole.implementing, ...facility },
    ...action.partners.map((partner) => ({
      role: orgRole.implementing,
      name: english(partner.acronym ? `${partner.name} (${partner.acronym})` : partner.name),
    })),
  ];
}

export function statusAndDates(action: ActionSource) {
  const candidates: { type: string; isoDate: string | null }[] = [
    { type: dateType.plannedStart, isoDate: action.plannedStart },
    { type: dateType.actualStart, isoDate: action.actualStart },
    { type: dateType.plannedEnd, isoDate: action.plannedEnd },
    { type: dateType.actualEnd, isoDate: action.actualEnd },
  ];
  const dates = candidates.filter((date): date is { type: string; isoDate: string } => date.isoDate !== null);
  return { status: activityStatusCode[action.status], dates };
}

/**
 * Recipients are the Action's countries outside the EU: Member States take part as peers in regional
 * networks, not as recipients. Shares are equal (the facility does not budget per country); see
 * docs/decisions/041-iati-recipients-and-classification.md.
 */
export function geography(action: ActionSource) {
  const recipients = action.countries.filter((c) => c.regionCode !== NON_RECIPIENT_REGION);
  const shares = equalShares(recipients.length);
  const regions = new Set(recipients.map((c) => c.regionCode));
  const scope =
    recipients.length === 0
      ? undefined
      : recipients.length === 1
        ? activityScope.national
        : regions.size === 1
          ? activityScope.regional
          : activityScope.multinational;
  return {
    scope,
    recipientCountries: recipients.map((country, i) => ({ code: country.code, percentage: shares[i] })),
    recipientRegions: [],
  };
}

/** Sectors (15190 and the topics' own), SDG target tags, the gender marker, the aid type. */
export function classifications(action: ActionSource) {
  const sectorCodes = [
    ...new Set([MIGRATION_SECTOR, ...action.topics.flatMap((t) => topicSectors[t] ?? [])]),
  ];
  const shares = equalShares(sectorCodes.length);
  const targets = [...new Set(action.topics.flatMap((t) => topicSdgTargets[t] ?? []))].sort(compareTargets);
  return {
    sectors: sectorCodes.map((code, i) => ({
      code,
      vocabulary: SECTOR_VOCABULARY_DAC,
      percentage: shares[i],
    })),
    tags: targets.map((code) => ({ code, vocabulary: TAG_VOCABULARY_SDG_TARGET })),
    policyMarkers: action.approaches.includes(GENDER_APPROACH) ? [{ ...genderMarker }] : [],
    defaultAidTypes: [{ ...defaultAidType }],
  };
}

/** SDG targets in the UN's order: 5.2 before 10.7, 10.7 before 10.c. */
function compareTargets(a: string, b: string) {
  const [goalA = 0, targetA = ''] = a.split('.');
  const [goalB = 0, targetB = ''] = b.split('.');
  const numeric = (t: string) => (/^\d+$/.test(t) ? Number(t) : 1000 + t.charCodeAt(0));
  return Number(goalA) - Number(goalB) || numeric(targetA) - numeric(targetB);
}

/** A path on this server made absolute with the address it is published at (no trailing slash). */
export function absoluteUrl(url: string, publicUrl: string | undefined): string {
  if (!publicUrl || /^https?:\/\//.test(url)) return url;
  return `${publicUrl}${url}`;
}

/** One Action as an IATI activity: each element group from its own function. */
export function buildActivity(action: ActionSource, config: IatiConfig): IatiActivity {
  const { otherIdentifiers, ...ids } = identification(action, config);
  return {
    ...ids,
    participatingOrgs: participatingOrgs(action, config),
    otherIdentifiers,
    ...statusAndDates(action),
    ...geography(action),
    ...classifications(action),
    documentLinks: action.documents.map((d) => ({ ...d, url: absoluteUrl(d.url, config.publicUrl) })),
    results: action.results,
  };
}
