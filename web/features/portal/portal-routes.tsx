import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { portalPages } from './portal-pages.ts';

/** The public pages as routes of the browser's router, each page loaded with its own chunk. */
export const portalRoutes: RouteObject[] = portalPages.map((page) => {
  const Page = lazy(() => page.load().then((module) => ({ default: module.Page })));
  return page.path === '/'
    ? { index: true, element: <Page /> }
    : { path: page.path.slice(1), element: <Page /> };
});
