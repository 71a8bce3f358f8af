import { useMemo } from 'react';
import type { TaxonomyBody } from '../../../../server/features/taxonomy/taxonomy.contract.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries, usePortalQuery } from '../api/portal-queries.ts';

type CountryNames = {
  name: (code: string) => string;
  list: (codes: readonly string[]) => string;
  taxonomy: TaxonomyBody | undefined;
};

// One set of names per taxonomy answer, however many cards on a page ask for it.
const byTaxonomy = new WeakMap<TaxonomyBody, CountryNames>();

function namesOf(taxonomy: TaxonomyBody | undefined, language: string): CountryNames {
  const known = taxonomy && byTaxonomy.get(taxonomy);
  if (known) return known;
  const names = new Map((taxonomy?.countries ?? []).map((c) => [c.code, c.name]));
  const format = new Intl.ListFormat(language, { style: 'short', type: 'conjunction' });
  const name = (code: string) => names.get(code) ?? code;
  const result = { name, list: (codes: readonly string[]) => format.format(codes.map(name)), taxonomy };
  if (taxonomy) byTaxonomy.set(taxonomy, result);
  return result;
}

/**
 * Country names in the reader's language, as the server names them (from its CLDR data). Browsers
 * name a few countries differently from each other, and a page rendered on the server must read
 * the same once the browser takes it over.
 */
export function useCountryNames(): CountryNames {
  const language = useLanguage();
  const taxonomy = usePortalQuery(portalQueries.taxonomy(language));
  return useMemo(() => namesOf(taxonomy.data, language), [taxonomy.data, language]);
}
