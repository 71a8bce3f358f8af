import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { KeptRead } from '../cache/kept-list.ts';
import type { CachedBody, VersionedCache } from '../cache/versioned-cache.ts';
import { COMPRESSION_THRESHOLD, compressBody, negotiateEncoding } from './compress-in-place.ts';

/** Serialises a response through its contract once, for caching: what is cached is what was checked. */
export const serializeWith = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  JSON.stringify(schema.parse(value));

/**
 * Sends a cached body (JSON unless another type is given) with its ETag; a client that already
 * holds this version gets a 304 and no body, which matters on slow connections.
 */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedBody,
  contentType = 'application/json; charset=utf-8',
  { private: isPrivate = false }: { private?: boolean } = {},
) {
  // A signed-in reader's copy may be kept by their browser only, never by a shared cache.
  reply.header('etag', cached.etag).header('cache-control', isPrivate ? 'private, no-cache' : 'no-cache');
  if (!reply.hasHeader('vary')) reply.header('vary', 'Accept-Language');
  if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
  reply.type(contentType);
  if (cached.body.length < COMPRESSION_THRESHOLD) return reply.send(cached.body);
  // Compressed once per version and encoding rather than at every request.
  const encoding = negotiateEncoding(request, reply);
  if (!encoding) return reply.send(cached.body);
  cached.encoded ??= {};
  cached.encoded[encoding] ??= compressBody(cached.body, encoding);
  return reply.header('content-encoding', encoding).send(cached.encoded[encoding]);
}

/**
 * Sends a signed-in reader's kept answer (a list page, the dashboard, the portfolio results) from the
 * cache when the data it reads has not changed since, reading and serialising it otherwise, with the
 * versions read with the session. The caller's right to the answer is checked before (a list's read
 * checks it when it is built), and the caller's scope is part of the key.
 */
export async function sendKept<T extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: VersionedCache,
  schema: T,
  kept: KeptRead<z.input<T>>,
) {
  const cached = await cache.get(
    kept.key,
    async () => {
      const value = await kept.read();
      const body = serializeWith(schema, value);
      return kept.until ? { body, until: kept.until(value) } : body;
    },
    request.knownVersions,
  );
  return sendCached(request, reply, cached, undefined, { private: true });
}
