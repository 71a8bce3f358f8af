import type { ActionStatus } from '../features/actions/actions.table.ts';
import type { Role } from '../features/auth/auth.table.ts';
import type { institutionTypes } from '../features/institutions/institutions.table.ts';
import type { LocalizedText } from '../kernel/localized.ts';

/** Taxonomies that every facility starts with (loaded in and out of demo mode). */
export interface Taxonomies {
  regions: { code: string; name: LocalizedText; sortOrder: number }[];
  /** ISO 3166-1 alpha-2 code, English name, region code. */
  countries: { code: string; name: string; regionCode: string }[];
  thematicAreas: { code: string; name: LocalizedText; sortOrder: number }[];
  topics: { code: string; thematicAreaCode: string; name: LocalizedText; sortOrder: number }[];
  pillars: { code: string; name: LocalizedText; sortOrder: number }[];
  approaches: { code: string; name: LocalizedText; sortOrder: number }[];
}

export interface DemoInstitution {
  /** A key local to the demo data, used to link Actions and users to the institution. */
  key: string;
  name: string;
  acronym: string | null;
  type: (typeof institutionTypes)[number];
  countryCode: string | null;
  memberCountries?: string[];
}

export interface DemoPartner {
  key: string;
  name: string;
  acronym: string | null;
}

export interface DemoAction {
  code: string;
  name: string;
  sequence: number;
  title: LocalizedText;
  summary: LocalizedText;
  status: ActionStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  countries: string[];
  /** Institution keys. */
  requesting: string[];
  beneficiaries: string[];
  topics: string[];
  pillars: string[];
  approaches: string[];
  /** Partner keys. */
  partners: string[];
}

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  institutionKey?: string;
}

export interface DemoPortfolio {
  institutions: DemoInstitution[];
  partners: DemoPartner[];
  actions: DemoAction[];
  users: DemoUser[];
}
