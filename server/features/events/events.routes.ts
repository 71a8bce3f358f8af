import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { sendCached, serializeWith } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified } from '../../kernel/http/common.contract.ts';
import { publicBaseUrl, requestLanguage } from '../../kernel/http/language.ts';
import { todayUtc } from './awareness-days.ts';
import { calendarFeedQuery, publicEvents, publicEventsQuery } from './events.contract.ts';
import { calendarFeed } from './events.ical.ts';
import { readPublicEvents, selectPublicCalendar } from './events.service.ts';

const feedNames = {
  en: 'Tandem: awareness days and events',
  fr: 'Tandem : journées de sensibilisation et événements',
  es: 'Tandem: días de sensibilización y eventos',
  pt: 'Tandem: dias de sensibilização e eventos',
  ar: 'تاندم: أيام التوعية والفعاليات',
} as const;

/** The public calendar: awareness days and public events, as JSON and as an iCalendar feed. */
export function eventsRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Events bump the portfolio version (migration 0005), so they share its cache.
  const cache = new VersionedCache(db, 'portfolio');

  api.get(
    '/api/public/events',
    {
      config: { access: access.public },
      schema: {
        tags: ['public'],
        summary: 'Awareness days with their next date, upcoming and past public events',
        querystring: publicEventsQuery,
        response: { 200: publicEvents, 304: notModified, 400: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const today = todayUtc();
      const cached = await cache.get(`events|${lang}|${request.query.limit}|${today}`, async () =>
        serializeWith(publicEvents, await readPublicEvents(db, lang, { limit: request.query.limit, today })),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/public/events.ics',
    {
      config: { access: access.public },
      schema: {
        tags: ['public'],
        summary: 'The awareness days and public events as an iCalendar feed to subscribe to',
        querystring: calendarFeedQuery,
        response: {
          200: z.string().describe('text/calendar (RFC 5545)'),
          304: notModified,
          400: errorBody,
        },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? requestLanguage(request);
      const base = publicBaseUrl(request, config);
      const cached = await cache.get(`events.ics|${lang}|${base}`, async () =>
        calendarFeed(await selectPublicCalendar(db), {
          lang,
          host: new URL(base).hostname,
          name: feedNames[lang],
          portalUrl: base,
        }),
      );
      reply.header('content-disposition', 'inline; filename="tandem-events.ics"');
      return sendCached(request, reply, cached, 'text/calendar; charset=utf-8');
    },
  );
}
