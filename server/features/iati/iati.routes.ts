import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import type { IatiConfig } from './iati.config.ts';
import { exportQuery, iatiXml, problemsReport as problemsReportBody } from './iati.contract.ts';
import { exportStream, problemsReport } from './iati-export.service.ts';

export interface IatiDeps {
  db: Db;
  iati: IatiConfig;
}

export function iatiRoutes(app: FastifyInstance, { db, iati }: IatiDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/iati/activities.xml',
    {
      schema: {
        tags: ['iati'],
        summary: 'The Actions as an IATI 2.03 activity file, streamed (public Actions; all=true for staff)',
        querystring: exportQuery,
        response: { 200: iatiXml, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const stream = exportStream(db, iati, request.actor, request.query);
      // A stream is sent as it is: the response schema documents it but does not serialise it.
      await reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', request.query.all === 'true' ? 'private, no-store' : 'no-cache')
        .send(stream as never);
    },
  );

  api.get(
    '/api/iati/problems',
    {
      schema: {
        tags: ['iati'],
        summary: 'What is wrong with the export, per Action, before it is published (admin and officer)',
        querystring: exportQuery,
        response: { 200: problemsReportBody, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) => problemsReport(db, iati, request.actor, request.query),
  );
}
