import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serverDataId } from '../../../web/app/server-data.ts';
import type { PortalQuery } from '../../../web/features/portal/api/portal-queries.ts';
import type { SeededQuery } from '../../../web/features/portal/api/seed-queries.ts';
import { documentTitle } from '../../../web/features/portal/lib/page-head.ts';
import { type PortalPage, portalPages } from '../../../web/features/portal/portal-pages.ts';
import { renderPortalPage } from '../../../web/features/portal/ssr/render-portal-page.tsx';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import { sendCached } from '../../kernel/http/cached-reply.ts';
import { pageLanguage, publicBaseUrl, rememberAddressLanguage } from '../../kernel/http/language.ts';
import { LANGUAGES, type Language } from '../../kernel/localized.ts';
import { todayUtc } from '../events/awareness-days.ts';
import { type DocumentAssets, readDocumentAssets, renderDocument } from './portal-document.ts';
import { serverI18n } from './portal-i18n.ts';

function addressOf(base: string, pathname: string, search: URLSearchParams, lang?: Language) {
  const next = new URLSearchParams(search);
  if (lang) next.set('lang', lang);
  const query = next.toString();
  return `${base}${pathname}${query ? `?${query}` : ''}`;
}

/** A page whose reads the API refused (an unknown Action or topic): rendered, answered with 404. */
class PageNotFound extends Error {
  constructor(readonly html: string) {
    super('page not found');
  }
}

/**
 * Server-rendered public pages: each page's reads go through the public API itself (so the page
 * shows exactly what the API would answer, through the same contracts and caches), then the React
 * page renders to HTML with those answers, which also travel in the page for the browser to take
 * over. Whole pages are cached per language and address until the portfolio changes.
 */
export function portalPagesRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const assets = readDocumentAssets(config.webDir);
  const cache = new VersionedCache(db, 'portfolio', 2000);

  for (const page of portalPages) {
    app.get(page.path, { schema: { hide: true } }, async (request, reply) => {
      const language = pageLanguage(request);
      rememberAddressLanguage(request, reply);
      const base = publicBaseUrl(request, config);
      const url = new URL(request.url, base);
      const kept = new URLSearchParams(
        [...url.searchParams].filter(([key]) => page.parameters?.includes(key)),
      );
      const context = { language, params: request.params as Record<string, string>, search: kept };
      const reads = page.queries(context);
      // Events are upcoming or past relative to today, so a page is cached for one day at most.
      const key = [
        page.id,
        language,
        base,
        url.pathname,
        kept,
        JSON.stringify(reads.map((r) => r.queryKey)),
        todayUtc(),
      ].join('|');
      reply.header('vary', 'Accept-Language, Cookie');
      try {
        const cached = await cache.get(key, () =>
          renderPage({ app, assets, page, request, url, kept, base, language, context, reads }),
        );
        return sendCached(request, reply, cached, 'text/html; charset=utf-8');
      } catch (error) {
        if (!(error instanceof PageNotFound)) throw error;
        return reply
          .status(404)
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(error.html);
      }
    });
  }
}

async function renderPage(input: {
  app: FastifyInstance;
  assets: DocumentAssets;
  page: PortalPage;
  request: FastifyRequest;
  url: URL;
  kept: URLSearchParams;
  base: string;
  language: Language;
  context: { language: Language; params: Record<string, string>; search: URLSearchParams };
  reads: PortalQuery<unknown>[];
}): Promise<string> {
  const { app, page, language, reads } = input;
  const seeded: SeededQuery[] = await Promise.all(
    reads.map(async (read): Promise<SeededQuery> => {
      const query = new URLSearchParams(
        Object.entries(read.params ?? {}).flatMap(([k, v]) =>
          v === undefined || v === null ? [] : [[k, String(v)]],
        ),
      ).toString();
      const response = await app.inject({
        method: 'GET',
        url: query ? `${read.path}?${query}` : read.path,
        headers: { 'accept-language': language },
      });
      if (response.statusCode === 200) return { queryKey: read.queryKey, data: response.json() };
      const body = response.json() as { error?: { code?: string; message?: string } };
      return {
        queryKey: read.queryKey,
        error: {
          status: response.statusCode,
          code: body.error?.code ?? 'UNEXPECTED_RESPONSE',
          message: body.error?.message ?? '',
        },
      };
    }),
  );
  const missing = seeded.some((entry) => 'error' in entry && entry.error.status < 500);
  const answers = new Map(
    seeded.map((entry) => [JSON.stringify(entry.queryKey), 'data' in entry ? entry.data : undefined]),
  );
  const i18n = serverI18n(language);
  const module = await page.load();
  const head = module.head({
    ...input.context,
    t: i18n.t.bind(i18n),
    data: <T>(read: PortalQuery<T>) => answers.get(JSON.stringify(read.queryKey)) as T | undefined,
  });
  const appHtml = await renderPortalPage({ url: input.url, i18n, queries: seeded });
  const alternates = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, addressOf(input.base, input.url.pathname, input.kept, lang)]),
  ) as Record<Language, string>;
  const html = renderDocument({
    assets: input.assets,
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    siteName: i18n.t('app.name'),
    title: documentTitle(head, i18n.t('app.name')),
    description: head.description,
    type: head.type ?? 'website',
    source: page.source,
    canonical: alternates[language],
    alternates: { ...alternates, default: addressOf(input.base, input.url.pathname, input.kept) },
    noindex: missing,
    appHtml,
    dataId: serverDataId,
    data: { language, queries: seeded },
  });
  if (missing) throw new PageNotFound(html);
  return html;
}
