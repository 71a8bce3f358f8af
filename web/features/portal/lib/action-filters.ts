/** The filters of the public Actions list, as they travel in the page's address. */
export type ActionFilters = {
  status?: 'ongoing' | 'completed';
  topic?: string;
  region?: string;
  country?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export const ACTIONS_PAGE_SIZE = 12;
const code = /^[a-z][a-z0-9_-]{0,39}$/;
const country = /^[A-Z]{2}$/;

/**
 * Reads the filters from the address, dropping what the API would refuse (so a hand-edited or old
 * link shows a list rather than an error). Status: ongoing unless `completed` or `all` is asked for.
 */
export function actionFiltersFrom(search: URLSearchParams): ActionFilters {
  const status = search.get('status');
  const q = search.get('q')?.trim().slice(0, 200);
  const valid = (value: string | null, pattern: RegExp) => (value && pattern.test(value) ? value : undefined);
  const page = Number.parseInt(search.get('page') ?? '', 10);
  const filters: ActionFilters = {
    status: status === 'all' ? undefined : status === 'completed' ? 'completed' : 'ongoing',
    topic: valid(search.get('topic'), code),
    region: valid(search.get('region'), code),
    country: valid(search.get('country'), country),
    q: q || undefined,
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
    pageSize: ACTIONS_PAGE_SIZE,
  };
  // Keys with no value are left out, so that equal filters make equal cache keys on server and browser.
  for (const key of Object.keys(filters) as (keyof ActionFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

/** The address of a page of the list with some filters changed; a new filter starts at page 1. */
export function actionsHref(search: URLSearchParams, change: Record<string, string | number | undefined>) {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in change)) next.delete('page');
  const query = next.toString();
  return query ? `/actions?${query}` : '/actions';
}
