import { asc } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import type { TaxonomyBody } from './taxonomy.contract.ts';
import { approaches, countries, pillars, regions, thematicAreas, topics } from './taxonomy.table.ts';

/** Country names in the reader's language, from the runtime's CLDR data rather than our own tables. */
export function countryName(code: string, lang: Language, fallback: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

export async function readTaxonomies(db: Db, lang: Language): Promise<TaxonomyBody> {
  const [regionRows, countryRows, areaRows, topicRows, pillarRows, approachRows] = await Promise.all([
    db.select().from(regions).orderBy(asc(regions.sortOrder)),
    db.select().from(countries).orderBy(asc(countries.code)),
    db.select().from(thematicAreas).orderBy(asc(thematicAreas.sortOrder)),
    db.select().from(topics).orderBy(asc(topics.sortOrder)),
    db.select().from(pillars).orderBy(asc(pillars.sortOrder)),
    db.select().from(approaches).orderBy(asc(approaches.sortOrder)),
  ]);
  const named = (row: { code: string; name: Parameters<typeof pickText>[0] }) => ({
    code: row.code,
    name: pickText(row.name, lang),
  });
  return {
    regions: regionRows.map(named),
    countries: countryRows
      .map((c) => ({ code: c.code, name: countryName(c.code, lang, c.name), regionCode: c.regionCode }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
    thematicAreas: areaRows.map(named),
    topics: topicRows.map((t) => ({ ...named(t), thematicAreaCode: t.thematicAreaCode })),
    pillars: pillarRows.map(named),
    approaches: approachRows.map(named),
  };
}
