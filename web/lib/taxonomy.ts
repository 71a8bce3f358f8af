import { useQuery } from '@tanstack/react-query';
import type { TaxonomyBody } from '../../server/features/taxonomy/taxonomy.contract.ts';
import { apiRequest } from './api-client.ts';
import { cachedByKey } from './format.ts';
import { useLanguage } from './use-language.ts';

/** Regions, countries, topics... in the reader's language; shared by the portal and staff filters. */
export function useTaxonomy() {
  const language = useLanguage();
  return useQuery({
    queryKey: ['taxonomy', language],
    queryFn: ({ signal }) => apiRequest<TaxonomyBody>('/api/taxonomy', { signal }),
    staleTime: 60 * 60 * 1000,
  });
}

/** `{value, label}` options for a Select, sorted by label in the reader's language. */
export function toOptions(items: readonly { code: string; name: string }[] | undefined, language: string) {
  const collator = cachedByKey(`collator|${language}`, () => new Intl.Collator(language));
  return (items ?? [])
    .map((item) => ({ value: item.code, label: item.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
