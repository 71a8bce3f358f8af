import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taxonomies } from '../taxonomy/taxonomies.data.ts';
import {
  activityScope,
  activityStatusCode,
  dateType,
  defaultAidType,
  GENERAL_DESCRIPTION,
  genderMarker,
  INTERNAL_IDENTIFIER_TYPE,
  MIGRATION_SECTOR,
  orgRole,
  SECTOR_VOCABULARY_DAC,
  TAG_VOCABULARY_SDG_TARGET,
  topicSdgTargets,
  topicSectors,
} from './iati.codes.ts';
import { readIatiConfig } from './iati.config.ts';
import { sharedIati } from './iati-test-helpers.ts';

/** The active codes of an official codelist (withdrawn codes must not be written). */
function codelist(name: string): Set<string> {
  const xml = readFileSync(path.join(sharedIati, 'codelists', `${name}.xml`), 'utf8');
  const codes = new Set<string>();
  for (const item of xml.matchAll(/<codelist-item([^>]*)>([\s\S]*?)<\/codelist-item>/g)) {
    if (/status="withdrawn"/.test(item[1] ?? '')) continue;
    const code = /<code>([^<]+)<\/code>/.exec(item[2] ?? '')?.[1];
    if (code) codes.add(code.trim());
  }
  if (codes.size === 0) throw new Error(`codelist ${name} is empty`);
  return codes;
}

describe('the codes the IATI export writes are in the official codelists', () => {
  it('statuses, date types, roles, scopes, description and identifier types', () => {
    expect(Object.values(activityStatusCode).every((c) => codelist('ActivityStatus').has(c))).toBe(true);
    expect(Object.values(activityStatusCode)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(Object.values(dateType).every((c) => codelist('ActivityDateType').has(c))).toBe(true);
    expect(Object.values(orgRole).every((c) => codelist('OrganisationRole').has(c))).toBe(true);
    expect(Object.values(activityScope).every((c) => codelist('ActivityScope').has(c))).toBe(true);
    expect(codelist('DescriptionType').has(GENERAL_DESCRIPTION)).toBe(true);
    expect(codelist('OtherIdentifierType').has(INTERNAL_IDENTIFIER_TYPE)).toBe(true);
  });

  it('sectors, SDG targets, the gender marker and the aid type', () => {
    const sectors = codelist('Sector');
    for (const code of [MIGRATION_SECTOR, ...Object.values(topicSectors).flat()])
      expect(sectors.has(code), code).toBe(true);
    expect(codelist('SectorVocabulary').has(SECTOR_VOCABULARY_DAC)).toBe(true);
    const targets = codelist('UNSDG-Targets');
    for (const code of Object.values(topicSdgTargets).flat()) expect(targets.has(code), code).toBe(true);
    expect(codelist('TagVocabulary').has(TAG_VOCABULARY_SDG_TARGET)).toBe(true);
    expect(codelist('PolicyMarker').has(genderMarker.code)).toBe(true);
    expect(codelist('PolicyMarkerVocabulary').has(genderMarker.vocabulary)).toBe(true);
    expect(codelist('PolicySignificance').has(genderMarker.significance)).toBe(true);
    expect(codelist('AidType').has(defaultAidType.code)).toBe(true);
    expect(codelist('AidTypeVocabulary').has(defaultAidType.vocabulary)).toBe(true);
  });

  it('every topic of the taxonomy has SDG targets, and every country is an IATI country', () => {
    for (const topic of taxonomies.topics) expect(topicSdgTargets[topic.code], topic.code).toBeDefined();
    const countries = codelist('Country');
    for (const country of taxonomies.countries) expect(countries.has(country.code), country.code).toBe(true);
  });

  it('the default organisation types are OrganisationType codes', () => {
    const config = readIatiConfig({});
    expect(codelist('OrganisationType').has(config.orgType)).toBe(true);
    expect(codelist('OrganisationType').has(config.funderType)).toBe(true);
  });
});

describe('readIatiConfig', () => {
  it('takes the organisations and the schema folder from the environment', () => {
    const config = readIatiConfig({
      TANDEM_IATI_ORG_REF: 'XM-DAC-47066',
      TANDEM_IATI_ORG_NAME: 'A facility',
      TANDEM_IATI_SCHEMA_DIR: 'relative/schema',
    });
    expect(config).toMatchObject({
      orgRef: 'XM-DAC-47066',
      orgName: 'A facility',
      funderRef: 'XI-IATI-EC_INTPA',
    });
    expect(path.isAbsolute(config.schemaDir ?? '')).toBe(true);
    expect(readIatiConfig({}).schemaDir).toBeUndefined();
  });

  it('refuses an identifier that could not start an activity identifier', () => {
    expect(() => readIatiConfig({ TANDEM_IATI_ORG_REF: 'our facility' })).toThrow(/TANDEM_IATI_ORG_REF/);
    expect(() => readIatiConfig({ TANDEM_IATI_ORG_TYPE: 'ngo' })).toThrow(/TANDEM_IATI_ORG_TYPE/);
  });
});
