import type { Readable } from 'node:stream';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { prerenderToNodeStream } from 'react-dom/static';
import { I18nextProvider } from 'react-i18next';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { PublicLayout } from '../../../app/public-layout.tsx';
import { type SeededQuery, seedQueries } from '../api/seed-queries.ts';
import { PortalNotFound } from '../pages/not-found-page.tsx';
import { portalRoutes } from '../portal-routes.tsx';

// The public part of the browser's route tree (web/app/router.tsx), element for element, so that
// the markup rendered here is the markup the browser's first render produces.
const routes = [
  {
    path: '/',
    element: <PublicLayout />,
    children: [...portalRoutes, { path: '*', element: <PortalNotFound /> }],
  },
];
const handler = createStaticHandler(routes);

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Renders a public page to HTML on the server, with the answers of its reads already in place.
 * `prerender` waits for every lazily loaded page and leaves no inline script in the output (the
 * Content-Security-Policy forbids them), so the HTML is complete and readable before scripts run.
 */
export async function renderPortalPage({
  url,
  i18n,
  queries,
}: {
  url: URL;
  i18n: I18n;
  queries: readonly SeededQuery[];
}): Promise<string> {
  const client = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, gcTime: Number.POSITIVE_INFINITY },
    },
  });
  seedQueries(client, queries);
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error(`No page renders ${url.pathname}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // A part that fails here would be left for the browser to render, with an inline script that the
  // Content-Security-Policy refuses: a page renders whole or not at all.
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
    </I18nextProvider>,
    {
      onError: (error) => void errors.push(error),
      // React moves a Suspense boundary larger than this out of line, to be swapped in by an inline
      // script: never here, where every boundary is complete and inline scripts are refused.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
    },
  );
  const html = await text(prelude as Readable);
  client.clear();
  if (errors.length > 0) throw new AggregateError(errors, `Rendering ${url.pathname} failed`);
  return html;
}
