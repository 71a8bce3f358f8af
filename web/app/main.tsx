import '../features/portal/portal.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { seedQueries } from '../features/portal/api/seed-queries.ts';
import { initI18n, storedChoiceAfterRender } from '../lib/i18n.ts';
import { Providers } from './providers.tsx';
import { queryClient } from './query-client.ts';
import { preloadStaffPage, router } from './router.tsx';
import { readServerData } from './server-data.ts';

const serverData = readServerData();
// A public page (and the sign-in pages, in the portal's frame) starts with the portal's catalog
// beside the shared one; a page the server rendered must find its messages before hydrating.
const inStaffArea = /^\/app(\/|$)/.test(window.location.pathname);
// The staff area's first needs are asked for at once rather than one after the other: who is signed
// in, then (once the catalogs' library is ready) the shell's and the page's chunks and catalogs.
if (inStaffArea)
  void import('../features/auth/api/session.ts').then(({ prefetchSession }) => prefetchSession(queryClient));
const i18n = await initI18n(serverData?.language, inStaffArea ? [] : ['portal']);
if (inStaffArea) preloadStaffPage();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

const app = (
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>
);

/** Lets the browser paint and handle input between the steps of starting up. */
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

if (serverData) {
  await yieldToBrowser();
  // The page was rendered on the server: start from the answers it was rendered with (marked as
  // fresh now), and take over its markup rather than drawing it again.
  seedQueries(queryClient, serverData.queries);
  hydrateRoot(root, app, {
    onRecoverableError(error) {
      console.error('The server-rendered page differed from the browser’s; it was drawn again', error);
    },
  });
  const stored = storedChoiceAfterRender();
  if (stored) void i18n.changeLanguage(stored);
} else {
  createRoot(root).render(app);
}
