import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { sendCached, serializeWith } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import {
  publicActionDetail,
  publicActionListQuery,
  publicActionPage,
  publicCountryFigures,
  publicRegionPage,
  publicResourceList,
  publicResourceQuery,
  publicStats,
  publicTopicPage,
  regionParam,
  topicParam,
} from './public.contract.ts';
import {
  publicCountryFigures as countryFigures,
  getPublicAction,
  listPublicActions,
  publicStatsFor,
  publicRegionPage as regionPage,
  publicTopicPage as topicPage,
} from './public.service.ts';
import { nothingPublishedYet, type PublicWorkSource } from './public-work.ts';

/**
 * The public portal's reads: no sign-in, public fields only. They are the busiest and least often
 * changed responses, so each is cached per language and query until the portfolio changes.
 * `work` is what the Action workspace publishes (activities, experts' countries, deliverables).
 */
export function publicRoutes(
  app: FastifyInstance,
  { db, work = nothingPublishedYet }: { db: Db; work?: PublicWorkSource },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cache = new VersionedCache(db, 'portfolio');
  const tags = ['public'];

  api.get(
    '/api/public/actions',
    {
      config: { access: access.public },
      schema: {
        tags,
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
      config: { access: access.public },
      schema: {
        tags,
        summary: 'One public Action, with the work it has published',
        params: uuidParam,
        response: { 200: publicActionDetail, 304: notModified, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`action|${lang}|${request.params.id}`, async () =>
        serializeWith(publicActionDetail, await getPublicAction(db, request.params.id, lang, work)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/stats',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary:
          'Live portfolio figures: ongoing Actions, countries, activities held, experts deployed, share per topic, per region',
        response: { 200: publicStats, 304: notModified },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`stats|${lang}`, async () =>
        serializeWith(publicStats, await publicStatsFor(db, lang, work)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/countries',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Ongoing Actions per country (a regional Action counts for each member country)',
        response: { 200: publicCountryFigures, 304: notModified },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`countries|${lang}`, async () =>
        serializeWith(publicCountryFigures, await countryFigures(db, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/topics/:code',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'A topic: its share of the ongoing Actions, the 4Ps, and a highlight per ongoing Action',
        params: topicParam,
        response: { 200: publicTopicPage, 304: notModified, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`topic|${lang}|${request.params.code}`, async () =>
        serializeWith(publicTopicPage, await topicPage(db, request.params.code, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/regions/:code',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'A region: its figures, its countries with ongoing Actions, and those Actions',
        params: regionParam,
        response: { 200: publicRegionPage, 304: notModified, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`region|${lang}|${request.params.code}`, async () =>
        serializeWith(publicRegionPage, await regionPage(db, request.params.code, lang, work)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/resources',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'The latest published resources (public deliverables), newest first',
        querystring: publicResourceQuery,
        response: { 200: publicResourceList, 304: notModified, 400: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`resources|${lang}|${request.query.limit}`, async () =>
        serializeWith(publicResourceList, {
          items: await work.latestResources(db, lang, request.query.limit),
        }),
      );
      return sendCached(request, reply, cached);
    },
  );
}
