import { useMemo } from 'react';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries, usePortalQuery } from '../api/portal-queries.ts';

/**
 * Country names in the reader's language, as the server names them (from its CLDR data). Browsers
 * name a few countries differently from each other, and a page rendered on the server must read
 * the same once the browser takes it over.
 */
export function useCountryNames() {
  const language = useLanguage();
  const taxonomy = usePortalQuery(portalQueries.taxonomy(language));
  return useMemo(() => {
    const names = new Map((taxonomy.data?.countries ?? []).map((c) => [c.code, c.name]));
    const name = (code: string) => names.get(code) ?? code;
    const format = new Intl.ListFormat(language, { style: 'short', type: 'conjunction' });
    const list = (codes: readonly string[]) => format.format(codes.map(name));
    return { name, list, taxonomy: taxonomy.data };
  }, [taxonomy.data, language]);
}
