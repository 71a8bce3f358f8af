import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { auditListQuery, auditPage } from './audit.contract.ts';
import { listAuditEvents } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/admin/audit',
    {
      config: { access: access.admin },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, by record, actor and time (admins)',
        querystring: auditListQuery,
        response: { 200: auditPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return listAuditEvents(db, request.actor, request.query);
    },
  );
}
