import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { keptPages } from '../../kernel/cache/kept-list.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { sendKept } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { setVersionHeader } from '../../kernel/http/versioning.ts';
import { actionDetail, actionListQuery, actionPage } from './actions.contract.ts';
import { actionListRead, getAction } from './actions.service.ts';

export function actionsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // List pages are kept until a table they read changes (decision 111).
  const lists = keptPages(db);

  api.get(
    '/api/actions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['actions'],
        summary: 'The Actions the caller may see, filtered and paginated',
        querystring: actionListQuery,
        response: { 200: actionPage, 304: notModified, 400: errorBody, 401: errorBody },
      },
    },
    (request, reply) =>
      sendKept(
        request,
        reply,
        lists,
        actionPage,
        actionListRead(db, request.actor, request.query, requestLanguage(request)),
      ),
  );

  api.get(
    '/api/actions/:id',
    {
      config: { access: access.actionRecord },
      schema: {
        tags: ['actions'],
        summary: 'One Action; another institution’s Action answers 404',
        params: uuidParam,
        response: { 200: actionDetail, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const action = await getAction(db, request.actor, request.params.id, requestLanguage(request));
      // The version is what a PATCH of the design must name in If-Match.
      setVersionHeader(reply, action.version);
      return action;
    },
  );
}
