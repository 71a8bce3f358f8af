import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { sendCached, serializeWith } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import {
  publicActionDetail,
  publicActionListQuery,
  publicActionPage,
  publicStats,
} from './public.contract.ts';
import { getPublicAction, listPublicActions, publicStatsFor } from './public.service.ts';

/**
 * The public portal's reads: no sign-in, public fields only. They are the busiest and least often
 * changed responses, so each is cached per language and query until the portfolio changes.
 */
export function publicRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cache = new VersionedCache(db, 'portfolio');

  api.get(
    '/api/public/actions',
    {
      schema: {
        tags: ['public'],
        summary: 'Public Actions (implementation, closing, completed), filtered and paginated',
        querystring: publicActionListQuery,
        response: { 200: publicActionPage, 304: notModified, 400: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const key = `actions|${lang}|${JSON.stringify(request.query)}`;
      const cached = await cache.get(key, async () =>
        serializeWith(publicActionPage, await listPublicActions(db, request.query, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/actions/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'One public Action',
        params: uuidParam,
        response: { 200: publicActionDetail, 304: notModified, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`action|${lang}|${request.params.id}`, async () =>
        serializeWith(publicActionDetail, await getPublicAction(db, request.params.id, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/stats',
    {
      schema: {
        tags: ['public'],
        summary: 'Live portfolio figures: ongoing Actions, countries, share per topic, per region',
        response: { 200: publicStats, 304: notModified },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`stats|${lang}`, async () =>
        serializeWith(publicStats, await publicStatsFor(db, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );
}
