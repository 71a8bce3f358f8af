import type { FastifyInstance } from 'fastify';
import { pageLanguage } from '../../kernel/http/language.ts';
import { isLanguage } from '../../kernel/localized.ts';
import { serverI18n } from '../portal/portal-i18n.ts';

/**
 * The web app manifest that makes the offline field guide installable, named in the reader's
 * language. The service worker itself is a static file at the site root (`/sw.js`, from web/public),
 * so that its scope is the whole site; the CSP's default-src 'self' allows both.
 */
export function fieldGuideRoutes(app: FastifyInstance) {
  app.get('/manifest.webmanifest', { schema: { hide: true } }, async (request, reply) => {
    const language = pageLanguage(request);
    const t = serverI18n(language).t;
    const manifest = {
      id: '/field-guide',
      name: t('portal.manifest.name'),
      short_name: t('portal.manifest.shortName'),
      description: t('portal.manifest.description'),
      lang: language,
      dir: language === 'ar' ? 'rtl' : 'ltr',
      start_url: `/field-guide?lang=${language}`,
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#123d6b',
      icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    };
    return reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header(
        'vary',
        isLanguage((request.query as Record<string, unknown>)?.lang) ? 'Cookie' : 'Accept-Language, Cookie',
      )
      .send(JSON.stringify(manifest));
  });
}
