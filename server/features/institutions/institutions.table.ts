import { sql } from 'drizzle-orm';
import { char, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countries } from '../taxonomy/taxonomy.table.ts';

export const institutionTypes = [
  'ministry',
  'agency',
  'judiciary',
  'police',
  'parliament',
  'regional_network',
  'civil_society',
  'international_organisation',
] as const;
export const institutionType = pgEnum('institution_type', institutionTypes);

/**
 * A partner institution: a ministry, an immigration service, a prosecutors' association, a network.
 * A national institution has a country; a regional network has member countries instead.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    type: institutionType('type').notNull(),
    countryCode: char('country_code', { length: 2 }).references(() => countries.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_country_idx').on(t.countryCode),
    // Requests are searched by their institutions' names and acronyms (`ILIKE '%…%'`).
    index('institutions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('institutions_acronym_trgm_idx').using('gin', sql`${t.acronym} gin_trgm_ops`),
  ],
);

/** Member countries of a regional organisation or network. */
export const institutionMemberCountries = pgTable(
  'institution_member_countries',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.countryCode] })],
);

/** Co-implementing partner organisations such as AECID or UNODC's GLO.ACT. */
export const partnerOrganisations = pgTable('partner_organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
