import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { isLanguage, type Language } from '../localized.ts';

/** The reader's language from Accept-Language (first supported primary tag), English otherwise. */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  if (!header) return 'en';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (tags.find((t) => isLanguage(t.lang))?.lang as Language | undefined) ?? 'en';
}

/** The cookie in which the web app keeps the reader's choice of language, for server-rendered pages. */
export const LANGUAGE_COOKIE = 'tandem_lang';

/**
 * The language of a server-rendered page: `?lang=` (the address of each language version, as the
 * `hreflang` links give them), else the reader's stored choice, else Accept-Language.
 */
export function pageLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  if (isLanguage(query?.lang)) return query.lang;
  const stored = request.cookies?.[LANGUAGE_COOKIE];
  if (isLanguage(stored)) return stored;
  return requestLanguage(request);
}

/**
 * Keeps the language an address asks for (`?lang=`, as the portal's language form submits it) as the
 * reader's choice, as the web app does once its scripts run: the next page, reached by a plain link,
 * comes in that language too. Not HttpOnly, because the web app rewrites it when the reader switches
 * in place; it holds a language code, nothing private. An unknown value changes nothing.
 */
export function rememberAddressLanguage(request: FastifyRequest, reply: FastifyReply) {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (!isLanguage(asked) || request.cookies?.[LANGUAGE_COOKIE] === asked) return;
  reply.setCookie(LANGUAGE_COOKIE, asked, { path: '/', maxAge: 31_536_000, sameSite: 'lax' });
}

/**
 * The address the public reaches this server at, for absolute links (canonical, sitemap, feeds):
 * TANDEM_PUBLIC_URL when set, else the scheme and host of the request (behind a proxy, set
 * TANDEM_TRUST_PROXY so that they are the forwarded ones).
 */
export function publicBaseUrl(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
