import type { FastifyInstance } from 'fastify';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import { sendCached } from '../../kernel/http/cached-reply.ts';
import { publicBaseUrl } from '../../kernel/http/language.ts';
import { LANGUAGES } from '../../kernel/localized.ts';
import { readFieldGuide } from '../library/library.service.ts';
import { listPublicActions } from '../public/public.service.ts';
import { readTaxonomies } from '../taxonomy/taxonomy.service.ts';
import { escapeHtml } from './portal-document.ts';

/** Every public page's path: the fixed pages, each topic and region, each public Action. */
async function publicPaths(db: Db): Promise<string[]> {
  const taxonomy = await readTaxonomies(db, 'en');
  const paths = ['/', '/actions', '/map', '/events', '/request-assistance', '/library', '/field-guide'];
  paths.push(...(await readFieldGuide(db, 'en')).items.map((guide) => `/library/${guide.id}`));
  paths.push(...taxonomy.topics.map((t) => `/topics/${t.code}`));
  paths.push(...taxonomy.regions.map((r) => `/regions/${r.code}`));
  for (let page = 1; ; page++) {
    const list = await listPublicActions(db, { page, pageSize: 200 }, 'en');
    paths.push(...list.items.map((a) => `/actions/${a.id}`));
    if (page * 200 >= list.total) break;
  }
  return paths;
}

/**
 * `sitemap.xml` (each page with its language versions, as hreflang alternates) and `robots.txt`
 * (the public pages are for everyone; the staff area and the API are not for crawlers).
 */
export function portalSeoRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const cache = new VersionedCache(db, 'portfolio');

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const base = publicBaseUrl(request, config);
    const cached = await cache.get(`sitemap|${base}`, async () => {
      const entries = (await publicPaths(db)).map((path) => {
        const alternates = LANGUAGES.map(
          (lang) =>
            `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeHtml(`${base}${path}?lang=${lang}`)}"/>`,
        ).join('');
        return `<url><loc>${escapeHtml(`${base}${path}`)}</loc>${alternates}<xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(`${base}${path}`)}"/></url>`;
      });
      return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
    });
    return sendCached(request, reply, cached, 'application/xml; charset=utf-8');
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) => {
    const base = publicBaseUrl(request, config);
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        [
          'User-agent: *',
          'Disallow: /app/',
          'Disallow: /sign-in',
          'Disallow: /api/',
          'Allow: /api/public/events.ics',
          'Allow: /api/public/map.svg',
          '',
          `Sitemap: ${base}/sitemap.xml`,
          '',
        ].join('\n'),
      );
  });
}
