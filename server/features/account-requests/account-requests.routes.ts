import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import {
  accountRequestBody,
  accountRequestListQuery,
  accountRequestPage,
  accountRequestReceipt,
} from './account-requests.contract.ts';
import { ACCOUNT_REQUESTS_PER_HOUR } from './account-requests.limits.ts';
import { listAccountRequests, submitAccountRequest } from './account-requests.service.ts';

export function accountRequestsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/public/account-requests',
    {
      schema: {
        tags: ['public'],
        summary: 'Ask for a partner account (institutions that want to request assistance)',
        body: accountRequestBody,
        response: { 201: accountRequestReceipt, 400: errorBody, 403: errorBody, 429: errorBody },
      },
      config: {
        access: access.public,
        rateLimit: { max: ACCOUNT_REQUESTS_PER_HOUR, timeWindow: '1 hour', keyGenerator: (r) => r.ip },
      },
    },
    async (request, reply) => {
      const receipt = await submitAccountRequest(db, request.actor, request.body, requestLanguage(request));
      return reply.status(201).send(receipt);
    },
  );

  api.get(
    '/api/admin/account-requests',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Requests for partner accounts sent from the portal, newest first (administrators)',
        querystring: accountRequestListQuery,
        response: { 200: accountRequestPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) => listAccountRequests(db, request.actor, request.query),
  );
}
