import type { ComponentType } from 'react';
import { matchPath } from 'react-router';
import { type PortalQuery, portalQueries as q } from './api/portal-queries.ts';
import { actionFiltersFrom } from './lib/action-filters.ts';
import { LIBRARY_PARAMETERS, libraryFiltersFrom } from './lib/library-filters.ts';
import type { HeadOf, PageContext } from './lib/page-head.ts';

export type PortalPageModule = { Page: ComponentType; head: HeadOf };

/**
 * The public pages: where each lives, its code (a chunk of its own), and the reads it needs. The
 * browser's router and the server's renderer both work from this list, so a page is declared once.
 */
export type PortalPage = {
  id: string;
  /** A React Router path below the site root. */
  path: string;
  load: () => Promise<PortalPageModule>;
  /** The page module's path under web/, as the build's manifest names its chunk (for preloading). */
  source: string;
  queries: (context: PageContext) => PortalQuery<unknown>[];
  /**
   * The query parameters that make a different page (a list's filters). Others are dropped from the
   * page's links and its cache key, and the language switch carries only these to the same page.
   */
  parameters?: readonly string[];
};

const taxonomy = ({ language }: PageContext) => q.taxonomy(language);

export const portalPages: PortalPage[] = [
  {
    id: 'home',
    path: '/',
    load: () => import('./pages/home-page.tsx'),
    source: 'features/portal/pages/home-page.tsx',
    queries: (c) => [q.stats(c.language), q.events(c.language, 3), q.resources(c.language, 4)],
  },
  {
    id: 'actions',
    path: '/actions',
    load: () => import('./pages/actions-page.tsx'),
    source: 'features/portal/pages/actions-page.tsx',
    queries: (c) => [taxonomy(c), q.actions(c.language, actionFiltersFrom(c.search))],
    parameters: ['status', 'topic', 'region', 'country', 'q', 'page'],
  },
  {
    id: 'action',
    path: '/actions/:id',
    load: () => import('./pages/action-page.tsx'),
    source: 'features/portal/pages/action-page.tsx',
    queries: (c) => [taxonomy(c), q.action(c.language, c.params.id ?? '')],
  },
  {
    id: 'topic',
    path: '/topics/:code',
    load: () => import('./pages/topic-page.tsx'),
    source: 'features/portal/pages/topic-page.tsx',
    queries: (c) => [taxonomy(c), q.topic(c.language, c.params.code ?? '')],
  },
  {
    id: 'region',
    path: '/regions/:code',
    load: () => import('./pages/region-page.tsx'),
    source: 'features/portal/pages/region-page.tsx',
    queries: (c) => [taxonomy(c), q.region(c.language, c.params.code ?? '')],
  },
  {
    id: 'map',
    path: '/map',
    load: () => import('./pages/map-page.tsx'),
    source: 'features/portal/pages/map-page.tsx',
    queries: (c) => [taxonomy(c), q.countries(c.language)],
  },
  {
    id: 'events',
    path: '/events',
    load: () => import('./pages/events-page.tsx'),
    source: 'features/portal/pages/events-page.tsx',
    queries: (c) => [q.events(c.language, 50)],
  },
  {
    id: 'request-assistance',
    path: '/request-assistance',
    load: () => import('./pages/request-assistance-page.tsx'),
    source: 'features/portal/pages/request-assistance-page.tsx',
    queries: (c) => [taxonomy(c)],
  },
  {
    id: 'library',
    path: '/library',
    load: () => import('./pages/library-page.tsx'),
    source: 'features/portal/pages/library-page.tsx',
    queries: (c) => [taxonomy(c), q.library(c.language, libraryFiltersFrom(c.search))],
    parameters: LIBRARY_PARAMETERS,
  },
  {
    id: 'library-document',
    path: '/library/:id',
    load: () => import('./pages/library-document-page.tsx'),
    source: 'features/portal/pages/library-document-page.tsx',
    queries: (c) => [q.libraryDocument(c.language, c.params.id ?? '')],
  },
  {
    id: 'field-guide',
    path: '/field-guide',
    load: () => import('./pages/field-guide-page.tsx'),
    source: 'features/portal/pages/field-guide-page.tsx',
    queries: (c) => [q.fieldGuide(c.language)],
  },
];

/** The public page an address shows, if any (its path matched as the router matches it). */
export function portalPageAt(pathname: string): PortalPage | undefined {
  return portalPages.find((page) => matchPath(page.path, pathname));
}
