import type { FastifyRequest } from 'fastify';
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
