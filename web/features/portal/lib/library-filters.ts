/** The library's filters, as they travel in the page's address. */
export type LibraryFilters = {
  q?: string;
  type?: string;
  topic?: string;
  country?: string;
  language?: string;
  year?: number;
  page: number;
};

export const LIBRARY_PARAMETERS = ['q', 'type', 'topic', 'country', 'language', 'year', 'page'];
const code = /^[a-z][a-z0-9_-]{0,39}$/;

/** Reads the filters from the address, dropping what the API would refuse. */
export function libraryFiltersFrom(search: URLSearchParams): LibraryFilters {
  const valid = (value: string | null, pattern: RegExp) => (value && pattern.test(value) ? value : undefined);
  const page = Number.parseInt(search.get('page') ?? '', 10);
  const year = Number.parseInt(search.get('year') ?? '', 10);
  const filters: LibraryFilters = {
    q: search.get('q')?.trim().slice(0, 200) || undefined,
    type: valid(search.get('type'), code),
    topic: valid(search.get('topic'), code),
    country: valid(search.get('country'), /^[A-Z]{2}$/),
    language: valid(search.get('language'), /^[a-z]{2,3}$/),
    year: year >= 2000 && year <= 2100 ? year : undefined,
    page: Number.isInteger(page) && page > 0 && page <= 1000 ? page : 1,
  };
  for (const key of Object.keys(filters) as (keyof LibraryFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

/** The address of another page of the same search. */
export function libraryHref(search: URLSearchParams, page: number) {
  const next = new URLSearchParams(search);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  const query = next.toString();
  return query ? `/library?${query}` : '/library';
}
