/**
 * An IATI activity as Tandem publishes it: the output of the builder, the input of the writer and of
 * the checks. Field order follows the schema's element order; the writer keeps it.
 */
export interface Narrative {
  /** ISO 639-1 code. */
  lang: string;
  text: string;
}

export interface OrgRef {
  ref?: string;
  type?: string;
  name: Narrative[];
}

export interface ParticipatingOrg extends OrgRef {
  role: string;
}

export interface CodedShare {
  code: string;
  vocabulary?: string;
  percentage?: number;
}

export interface DocumentLink {
  url: string;
  /** FileFormat: an IANA media type, e.g. application/pdf. */
  format: string;
  title: Narrative[];
  description?: Narrative[];
  /** DocumentCategory codes, e.g. A12 (activity web page). */
  categories: string[];
  languages: string[];
  /** ISO date of publication. */
  documentDate?: string;
}

/** One value of an indicator, possibly for one part of a disaggregation (sex = female). */
export interface ResultValue {
  /** Absent for a qualitative indicator, whose value is its comment. */
  value?: number;
  dimensions?: { name: string; value: string }[];
  comment?: Narrative[];
}

export interface ResultIndicator {
  /** IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. */
  measure: string;
  ascending?: boolean;
  title: Narrative[];
  description?: Narrative[];
  baselines: (ResultValue & { year: number; isoDate?: string })[];
  periods: { start: string; end: string; targets: ResultValue[]; actuals: ResultValue[] }[];
}

export interface ActivityResult {
  /** ResultType: 1 output, 2 outcome, 3 impact. */
  type: string;
  aggregationStatus?: boolean;
  title: Narrative[];
  description?: Narrative[];
  indicators: ResultIndicator[];
}

export interface IatiActivity {
  identifier: string;
  /** When the Action last changed, as an ISO date-time. */
  lastUpdated: string;
  reportingOrg: OrgRef & { ref: string; type: string };
  title: Narrative[];
  descriptions: { type: string; narratives: Narrative[] }[];
  participatingOrgs: ParticipatingOrg[];
  otherIdentifiers: { ref: string; type: string }[];
  status: string;
  dates: { type: string; isoDate: string }[];
  scope?: string;
  recipientCountries: CodedShare[];
  recipientRegions: CodedShare[];
  sectors: CodedShare[];
  tags: { code: string; vocabulary: string }[];
  policyMarkers: { code: string; vocabulary: string; significance: string }[];
  defaultAidTypes: { code: string; vocabulary: string }[];
  documentLinks: DocumentLink[];
  results: ActivityResult[];
}
