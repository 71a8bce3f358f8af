import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import {
  publicActionDetail,
  publicActionListQuery,
  publicActionPage,
  publicStats,
} from './public.contract.ts';
import { getPublicAction, listPublicActions, publicStatsFor } from './public.service.ts';

/** The public portal's reads: no sign-in, public fields only. */
export function publicRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/public/actions',
    {
      schema: {
        tags: ['public'],
        summary: 'Public Actions (implementation, closing, completed), filtered and paginated',
        querystring: publicActionListQuery,
        response: { 200: publicActionPage, 400: errorBody },
      },
    },
    (request) => listPublicActions(db, request.query, requestLanguage(request)),
  );

  api.get(
    '/api/public/actions/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'One public Action',
        params: uuidParam,
        response: { 200: publicActionDetail, 400: errorBody, 404: errorBody },
      },
    },
    (request) => getPublicAction(db, request.params.id, requestLanguage(request)),
  );

  api.get(
    '/api/public/stats',
    {
      schema: {
        tags: ['public'],
        summary: 'Live portfolio figures: ongoing Actions, countries, share per topic, per region',
        response: { 200: publicStats },
      },
    },
    (request) => publicStatsFor(db, requestLanguage(request)),
  );
}
