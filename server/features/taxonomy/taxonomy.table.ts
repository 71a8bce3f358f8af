import { char, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../kernel/localized.ts';

/** Regions of the facility's mandate: Africa, Asia, Latin America and the Caribbean, ... */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Countries by ISO 3166-1 alpha-2; names are localised at presentation with Intl.DisplayNames. */
export const countries = pgTable(
  'countries',
  {
    code: char('code', { length: 2 }).primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [index('countries_region_idx').on(t.regionCode)],
);

/** The pillars of the Global Approach to Migration and Mobility, plus horizontal work. */
export const thematicAreas = pgTable('thematic_areas', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Topics under a thematic area; codes are short and stable (`thb`, `som`) because the API exposes them. */
export const topics = pgTable('topics', {
  code: text('code').primaryKey(),
  thematicAreaCode: text('thematic_area_code')
    .notNull()
    .references(() => thematicAreas.code),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** The anti-trafficking "4Ps": prevention, protection, prosecution, partnership. */
export const pillars = pgTable('pillars', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Cross-cutting approaches: victim-centred, human-rights-based, gender-sensitive, ... */
export const approaches = pgTable('approaches', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});
