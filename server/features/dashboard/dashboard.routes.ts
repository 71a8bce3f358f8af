import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { sendTable } from '../exports/send-table.ts';
import { chartTableQuery, dashboardBody, dashboardQuery } from './dashboard.contract.ts';
import { chartTable, getChart, getDashboard } from './dashboard.service.ts';

const tags = ['dashboard'];

export function dashboardRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/dashboard',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: 'Every chart of the dashboard under the same filters (staff and steering)',
        querystring: dashboardQuery,
        response: { 200: dashboardBody, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return getDashboard(db, request.actor, request.query, requestLanguage(request));
    },
  );

  api.get(
    '/api/dashboard/table',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: "One chart's table as CSV or XLSX, under the dashboard's filters (staff and steering)",
        querystring: chartTableQuery,
        response: {
          200: z.any().describe('The table as a file'),
          400: errorBody,
          401: errorBody,
          403: errorBody,
        },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const { chart: id, format, ...filters } = request.query;
      const chart = await getChart(db, request.actor, id, filters, lang);
      return sendTable(reply, chartTable(chart, lang), format, `dashboard-${chart.id}`);
    },
  );
}
