import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../kernel/auth/actor.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { access } from '../../kernel/http/access.ts';
import { sendKept } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { publicBaseUrl, requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import {
  addEvidence,
  createIndicator,
  deleteIndicator,
  EVIDENCE_FILE_RULES,
  getIndicator,
  listIndicators,
  recordActual,
  sendEvidence,
  updateIndicator,
} from './indicators.service.ts';
import {
  evaluationsInput,
  evaluationsView,
  linksInput,
  scoresInput,
  scoresView,
  testInput,
  testLinks,
  testView,
} from './learning.contract.ts';
import {
  addEvaluations,
  createTestLinks,
  getEvaluations,
  getScores,
  getTest,
  putScores,
  putTest,
} from './learning.service.ts';
import {
  actionResults,
  actualInput,
  evidenceParams,
  indicatorInput,
  indicatorList,
  indicatorPatch,
  indicatorView,
  periodParams,
  portfolioResults,
  portfolioResultsQuery,
} from './results.contract.ts';
import { getActionResults, getPortfolioResults, PORTFOLIO_RESULTS_ROLES } from './results.service.ts';
import { testPageRoutes } from './test-page.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const versioned = { 412: errorBody, 428: errorBody };
const tags = ['results'];

export function resultsRoutes(
  app: FastifyInstance,
  { db, storage, config }: { db: Db; storage: FileStorage; config: Config },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Portfolio totals count across every participation: kept until a table they read changes (0018).
  const reportingCache = new VersionedCache(db, 'reporting');
  // The page that a one-time link opens, outside the API and without signing in.
  testPageRoutes(app, { db });

  api.get(
    '/api/actions/:id/indicators',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The indicators of an Action with their baselines, targets and actuals',
        description: 'Actuals of computed indicators come from Tandem’s records, per period.',
        params: uuidParam,
        response: { 200: indicatorList, ...errors },
      },
    },
    (request) => listIndicators(db, request.actor, request.params.id, requestLanguage(request)),
  );

  api.post(
    '/api/actions/:id/indicators',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Adds an indicator to the Action’s results framework (staff)',
        description: 'The title and description are stored in the language of Accept-Language.',
        params: uuidParam,
        body: indicatorInput,
        response: { 201: indicatorView, ...errors },
      },
    },
    async (request, reply) => {
      const view = await createIndicator(
        db,
        request.actor,
        request.params.id,
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, view.version);
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/api/indicators/:id',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'One indicator',
        params: uuidParam,
        response: { 200: indicatorView, ...errors },
      },
    },
    async (request, reply) => {
      const view = await getIndicator(db, request.actor, request.params.id, requestLanguage(request));
      setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.patch(
    '/api/indicators/:id',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Changes an indicator, its baseline or its periods and targets (staff); needs If-Match',
        description:
          'Periods given with their id are kept (with their actuals); periods left out are removed.',
        params: uuidParam,
        body: indicatorPatch,
        response: { 200: indicatorView, ...errors, ...versioned },
      },
    },
    async (request, reply) => {
      const view = await updateIndicator(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.delete(
    '/api/indicators/:id',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Removes an indicator (staff); needs If-Match',
        params: uuidParam,
        response: { 204: z.null(), ...errors, ...versioned },
      },
    },
    async (request, reply) => {
      await deleteIndicator(db, request.actor, request.params.id, requireIfMatch(request));
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/api/indicators/:id/periods/:periodId/actual',
    {
      config: { access: access.staff, currentAt: '/api/indicators/:id' },
      schema: {
        tags,
        summary: 'Records the actual of one period of an entered indicator (staff); needs If-Match',
        description: 'Refused (409) for computed indicators. Women and men without a total give the total.',
        params: periodParams,
        body: actualInput,
        response: { 200: indicatorView, ...errors, ...versioned },
      },
    },
    async (request, reply) => {
      const view = await recordActual(
        db,
        request.actor,
        request.params.id,
        request.params.periodId,
        requireIfMatch(request),
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.post(
    '/api/indicators/:id/periods/:periodId/evidence',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Adds an evidence file to one period of an entered indicator (multipart: file)',
        description: 'PDF, Word, XLSX or an image, up to 20 MB, checked by its content.',
        params: periodParams,
        consumes: ['multipart/form-data'],
        response: { 201: indicatorView, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (request, reply) => {
      const view = await addEvidence(
        db,
        storage,
        request.actor,
        request.params.id,
        request.params.periodId,
        () => readUpload(request, 'file', EVIDENCE_FILE_RULES.maxBytes),
        requestLanguage(request),
      );
      setVersionHeader(reply, view.version);
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/api/indicators/:id/evidence/:evidenceId',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'Downloads an evidence file',
        params: evidenceParams,
        response: { 200: z.any().describe('The file, as an attachment'), ...errors },
      },
    },
    (request, reply) =>
      sendEvidence(db, storage, request.actor, request.params.id, request.params.evidenceId, reply),
  );

  api.get(
    '/api/actions/:id/results',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The Action’s results: indicators, computed totals, learning gains and evaluations',
        params: uuidParam,
        response: { 200: actionResults, ...errors },
      },
    },
    (request) => getActionResults(db, request.actor, request.params.id, requestLanguage(request)),
  );

  api.get(
    '/api/portfolio/results',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary:
          'Portfolio totals (staff and steering): officials trained, deliverables, activities, experts',
        querystring: portfolioResultsQuery,
        response: { 200: portfolioResults, 304: notModified, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      requireRole(request.actor, PORTFOLIO_RESULTS_ROLES); // before the cache
      return sendKept(request, reply, reportingCache, portfolioResults, {
        key: `portfolio-results|${JSON.stringify(request.query)}`,
        read: () => getPortfolioResults(db, request.actor, request.query),
      });
    },
  );

  // Pre- and post-tests and evaluations of a training.

  api.get(
    '/api/activities/:id/test',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: 'The multiple-choice test of a training (staff and steering); null until written',
        params: uuidParam,
        response: { 200: testView.nullable(), ...errors },
      },
    },
    async (request, reply) => {
      const view = await getTest(db, request.actor, request.params.id);
      if (view) setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.put(
    '/api/activities/:id/test',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Writes the test of a training (staff); If-Match once it exists',
        params: uuidParam,
        body: testInput,
        response: { 200: testView, ...errors, ...versioned },
      },
    },
    async (request, reply) => {
      const expected = request.headers['if-match'] ? requireIfMatch(request) : null;
      const view = await putTest(db, request.actor, request.params.id, expected, request.body);
      setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.get(
    '/api/activities/:id/test-scores',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary:
          'Pre- and post-test scores and learning gains (a partner: its own officials; the group for all)',
        params: uuidParam,
        response: { 200: scoresView, ...errors },
      },
    },
    async (request, reply) => {
      const view = await getScores(db, request.actor, request.params.id);
      if (view.version !== null) setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.put(
    '/api/activities/:id/test-scores',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary:
          'Enters scores of paper tests for one phase (staff); a null score removes one; needs If-Match',
        params: uuidParam,
        body: scoresInput,
        response: { 200: scoresView, ...errors, ...versioned },
      },
    },
    async (request, reply) => {
      const view = await putScores(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      if (view.version !== null) setVersionHeader(reply, view.version);
      return view;
    },
  );

  api.post(
    '/api/activities/:id/test-links',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Creates one-time links (and QR codes) for each participant to answer a test (staff)',
        description:
          'Each link works once, until it expires, and opens the test’s questions only. The links are returned this once.',
        params: uuidParam,
        body: linksInput,
        response: { 201: testLinks, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createTestLinks(
            db,
            request.actor,
            request.params.id,
            request.body,
            publicBaseUrl(request, config),
          ),
        ),
  );

  api.get(
    '/api/activities/:id/evaluations',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The evaluation of an activity, aggregated (comments for staff and steering)',
        params: uuidParam,
        response: { 200: evaluationsView, ...errors },
      },
    },
    (request) => getEvaluations(db, request.actor, request.params.id),
  );

  api.post(
    '/api/activities/:id/evaluations',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Enters answered evaluation questionnaires of a held activity (staff)',
        params: uuidParam,
        body: evaluationsInput,
        response: { 201: evaluationsView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addEvaluations(db, request.actor, request.params.id, request.body)),
  );
}
