import type { ActionStatus } from '../actions/action-statuses.ts';

/**
 * The IATI codes Tandem writes, in one place. Every code here is checked against the official
 * codelists by iati.codes.unit.test.ts, so a typo cannot reach a published file.
 */
export const IATI_VERSION = '2.03';

/** ActivityStatus: the product brief maps the Action's life one to one. */
export const activityStatusCode: Record<ActionStatus, string> = {
  design: '1',
  implementation: '2',
  closing: '3',
  completed: '4',
  cancelled: '5',
  suspended: '6',
};

/** ActivityDateType. */
export const dateType = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;

/** OrganisationRole. */
export const orgRole = { funding: '1', accountable: '2', extending: '3', implementing: '4' } as const;

/** ActivityScope: one country, several in one region, several across regions. */
export const activityScope = { regional: '2', multinational: '3', national: '4' } as const;

/** DescriptionType 1: general. */
export const GENERAL_DESCRIPTION = '1';

/** OtherIdentifierType A1: the reporting organisation's own identifier (the Action's code). */
export const INTERNAL_IDENTIFIER_TYPE = 'A1';

/** OECD DAC purpose codes (SectorVocabulary 1). */
export const SECTOR_VOCABULARY_DAC = '1';
/** Facilitation of orderly, safe, regular and responsible migration and mobility: every Action's. */
export const MIGRATION_SECTOR = '15190';

/**
 * Sectors a topic adds beside 15190, where a more specific DAC purpose code exists. 15190's own
 * scope note covers trafficking, smuggling, border management, asylum, return and diaspora work.
 */
export const topicSectors: Record<string, readonly string[]> = {
  labour: ['16070'], // labour rights
  mobility: ['15136'], // immigration: work and travel documents
  remittances: ['24050'], // remittance facilitation, promotion and optimisation
  data: ['16062'], // statistical capacity building
};

/** TagVocabulary 3: SDG targets. */
export const TAG_VOCABULARY_SDG_TARGET = '3';

/** SDG targets a topic serves. */
export const topicSdgTargets: Record<string, readonly string[]> = {
  thb: ['5.2', '8.7', '16.2'],
  som: ['10.7'],
  border: ['10.7'],
  return: ['10.7'],
  labour: ['8.8', '10.7'],
  mobility: ['10.7'],
  asylum: ['10.7'],
  diaspora: ['10.7'],
  remittances: ['10.c'],
  data: ['17.18'],
  policy: ['10.7'],
  communication: ['10.7'],
};

/** PolicyMarker 1 (gender equality), vocabulary 1 (OECD DAC), significance 1 (significant objective). */
export const genderMarker = { code: '1', vocabulary: '1', significance: '1' } as const;
/** The approach that carries the gender-equality marker. */
export const GENDER_APPROACH = 'gender';

/** AidType D02 (other technical assistance), vocabulary 1 (OECD DAC). */
export const defaultAidType = { code: 'D02', vocabulary: '1' } as const;

/** Tandem's region for the EU Member State side of regional networks: peers, not recipients. */
export const NON_RECIPIENT_REGION = 'eu';
