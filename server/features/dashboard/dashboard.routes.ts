import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../kernel/auth/actor.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { sendKept } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { sendTable } from '../exports/send-table.ts';
import { chartTableQuery, dashboardBody, dashboardQuery } from './dashboard.contract.ts';
import { chartTable, DASHBOARD_ROLES, getChart, getDashboard } from './dashboard.service.ts';

const tags = ['dashboard'];

export function dashboardRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // The charts count across the whole portfolio: answers are kept until a table they read changes
  // (the 'reporting' version, migration 0018).
  const cache = new VersionedCache(db, 'reporting');

  api.get(
    '/api/dashboard',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: 'Every chart of the dashboard under the same filters (staff and steering)',
        querystring: dashboardQuery,
        response: { 200: dashboardBody, 304: notModified, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      requireRole(request.actor, DASHBOARD_ROLES); // before the cache: a cached answer is no less private
      const lang = requestLanguage(request);
      return sendKept(request, reply, cache, dashboardBody, {
        key: `dashboard|${lang}|${JSON.stringify(request.query)}`,
        read: () => getDashboard(db, request.actor, request.query, lang),
      });
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
