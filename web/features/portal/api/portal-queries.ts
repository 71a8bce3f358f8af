import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicEvents } from '../../../../server/features/events/events.contract.ts';
import type {
  FieldGuideList,
  LibraryDocument,
  LibraryPage,
} from '../../../../server/features/library/library.contract.ts';
import type {
  PublicActionDetail,
  PublicActionPage,
  PublicCountryFigures,
  PublicRegionPage,
  PublicResourceList,
  PublicStats,
  PublicTopicPage,
} from '../../../../server/features/public/public.contract.ts';
import type { TaxonomyBody } from '../../../../server/features/taxonomy/taxonomy.contract.ts';
import { apiRequest, type QueryParams } from '../../../lib/api-client.ts';
import type { ActionFilters } from '../lib/action-filters.ts';
import type { LibraryFilters } from '../lib/library-filters.ts';

/**
 * A read of the public API, described once: the browser fetches it with `usePortalQuery`, and the
 * server, when it renders a page, asks its own API for the same path and stores the answer under
 * the same key, so that the page in the browser starts with the data it was rendered with.
 */
export type PortalQuery<T> = {
  queryKey: readonly unknown[];
  path: string;
  params?: QueryParams;
  /** Only carries the answer's type. */
  readonly answer?: T;
};

const query = <T>(queryKey: readonly unknown[], path: string, params?: QueryParams): PortalQuery<T> => ({
  queryKey,
  path,
  params,
});

export const portalQueries = {
  // The same key as the staff app's useTaxonomy, so that both share one copy.
  taxonomy: (lang: string) => query<TaxonomyBody>(['taxonomy', lang], '/api/taxonomy'),
  stats: (lang: string) => query<PublicStats>(['public', 'stats', lang], '/api/public/stats'),
  countries: (lang: string) =>
    query<PublicCountryFigures>(['public', 'countries', lang], '/api/public/countries'),
  actions: (lang: string, filters: ActionFilters) =>
    query<PublicActionPage>(['public', 'actions', lang, filters], '/api/public/actions', filters),
  action: (lang: string, id: string) =>
    query<PublicActionDetail>(
      ['public', 'action', lang, id],
      `/api/public/actions/${encodeURIComponent(id)}`,
    ),
  topic: (lang: string, code: string) =>
    query<PublicTopicPage>(['public', 'topic', lang, code], `/api/public/topics/${encodeURIComponent(code)}`),
  region: (lang: string, code: string) =>
    query<PublicRegionPage>(
      ['public', 'region', lang, code],
      `/api/public/regions/${encodeURIComponent(code)}`,
    ),
  events: (lang: string, limit: number) =>
    query<PublicEvents>(['public', 'events', lang, limit], '/api/public/events', { limit }),
  resources: (lang: string, limit: number) =>
    query<PublicResourceList>(['public', 'resources', lang, limit], '/api/public/resources', { limit }),
  library: (lang: string, filters: LibraryFilters) =>
    query<LibraryPage>(['public', 'library', lang, filters], '/api/public/library', filters),
  libraryDocument: (lang: string, id: string) =>
    query<LibraryDocument>(
      ['public', 'library-document', lang, id],
      `/api/public/library/${encodeURIComponent(id)}`,
    ),
  fieldGuide: (lang: string) =>
    query<FieldGuideList>(['public', 'field-guide', lang], '/api/public/field-guide'),
};

export function usePortalQuery<T>(read: PortalQuery<T>, { keepPrevious = false } = {}) {
  return useQuery({
    queryKey: read.queryKey,
    queryFn: ({ signal }) => apiRequest<T>(read.path, { query: read.params, signal }),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    // A "not found" the server rendered stays one in the browser, rather than turning into a loader.
    retryOnMount: false,
  });
}
