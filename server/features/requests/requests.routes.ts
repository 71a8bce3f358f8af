import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keptPages } from '../../kernel/cache/kept-list.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { access, type RouteAccess } from '../../kernel/http/access.ts';
import { sendKept } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import type { Notifier } from '../notifications/notifications.service.ts';
import { downloadAttachment, removeAttachment, uploadAttachment } from './requests.attachments.ts';
import { readBoard } from './requests.board.ts';
import {
  assessmentBody,
  attachment,
  attachmentParams,
  board,
  boardQuery,
  createdAction,
  createRequestBody,
  eligibilitySettingsBody,
  eligibilitySettingsResponse,
  messageBody,
  messageList,
  requestDetail,
  requestFormOptions,
  requestListQuery,
  requestPage,
  timeline,
  updateRequestBody,
} from './requests.contract.ts';
import { postMessage, readMessages, readTimeline } from './requests.conversation.ts';
import { getEligibilitySettings, saveEligibilitySettings } from './requests.eligibility-service.ts';
import { createActionForRequest, saveAssessment } from './requests.screening.ts';
import {
  createRequest,
  formOptions,
  getRequest,
  requestListRead,
  updateRequest,
} from './requests.service.ts';
import { transitionRoutes } from './requests.transition-routes.ts';

export interface RequestsDeps {
  db: Db;
  storage: FileStorage;
  notifier: Notifier;
}

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Who may ask for assistance: partner focal points, and staff on a partner's behalf. */
const requesters: RouteAccess = { ...access.staff, partnerA: 'ok', partnerB: 'ok' };
const requestersOnly = {
  code: 'REQUEST_ROLE_NOT_ALLOWED',
  message: 'Requests are written by partner focal points, or by officers on their behalf',
} as const;
const writeErrors = { ...errors, 409: errorBody, 412: errorBody, 428: errorBody };

export function requestsRoutes(app: FastifyInstance, deps: RequestsDeps) {
  const { db, storage, notifier } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['requests'];
  // List pages are kept until a table they read changes (decision 111).
  const lists = keptPages(db);

  api.get(
    '/api/requests',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The requests the caller may see, filtered and paginated',
        querystring: requestListQuery,
        response: { 200: requestPage, 304: notModified, 400: errorBody, 401: errorBody },
      },
    },
    (request, reply) =>
      sendKept(request, reply, lists, requestPage, requestListRead(db, request.actor, request.query)),
  );

  api.post(
    '/api/requests',
    {
      config: { access: requesters, accessDenied: requestersOnly },
      schema: {
        tags,
        summary: 'Creates a draft request (a partner for its institution; an officer on behalf of one)',
        body: createRequestBody,
        response: { 201: requestDetail, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createRequest(db, request.actor, request.body, requestLanguage(request));
      setVersionHeader(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/requests/form-options',
    {
      config: { access: requesters, accessDenied: requestersOnly },
      schema: {
        tags,
        summary: 'What the request form offers: institutions that may request or join',
        response: { 200: requestFormOptions, 401: errorBody, 403: errorBody },
      },
    },
    (request) => formOptions(db, request.actor),
  );

  api.get(
    '/api/requests/board',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'The officers’ triage board: requests by state, days in state, time to decision',
        querystring: boardQuery,
        response: { 200: board, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) => readBoard(db, request.actor, request.query),
  );

  api.get(
    '/api/requests/:id',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'One request; outside the caller’s view it answers 404',
        params: uuidParam,
        response: { 200: requestDetail, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await getRequest(db, request.actor, request.params.id);
      setVersionHeader(reply, detail.version);
      return detail;
    },
  );

  api.patch(
    '/api/requests/:id',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'Edits a draft, or a request sent back for clarification (If-Match required)',
        params: uuidParam,
        body: updateRequestBody,
        response: { 200: requestDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const detail = await updateRequest(db, request.actor, request.params.id, version, request.body);
      setVersionHeader(reply, detail.version);
      return detail;
    },
  );

  api.put(
    '/api/requests/:id/assessment',
    {
      config: { access: { ...access.requestRecord, partnerA: 403 }, currentAt: '/api/requests/:id' },
      schema: {
        tags,
        summary: 'The officer’s assessment and recommendation (staff and steering only; If-Match required)',
        params: uuidParam,
        body: assessmentBody,
        response: { 200: requestDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const detail = await saveAssessment(db, request.actor, request.params.id, version, request.body);
      setVersionHeader(reply, detail.version);
      return detail;
    },
  );

  api.post(
    '/api/requests/:id/create-action',
    {
      config: { access: { ...access.requestRecord, partnerA: 403 } },
      schema: {
        tags,
        summary: 'Makes the Action an approved request becomes, in design, named by country and sequence',
        params: uuidParam,
        response: { 201: createdAction, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createActionForRequest(db, notifier, request.actor, request.params.id)),
  );

  api.get(
    '/api/requests/:id/timeline',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'Every transition: who, when, from, to, and why',
        params: uuidParam,
        response: { 200: timeline, ...errors },
      },
    },
    (request) => readTimeline(db, request.actor, request.params.id),
  );

  api.get(
    '/api/requests/:id/messages',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'The conversation between partner and facility',
        params: uuidParam,
        response: { 200: messageList, ...errors },
      },
    },
    (request) => readMessages(db, request.actor, request.params.id),
  );

  api.post(
    '/api/requests/:id/messages',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'Writes in the conversation; the other side is notified',
        params: uuidParam,
        body: messageBody,
        response: { 201: messageList, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postMessage(db, notifier, request.actor, request.params.id, request.body.body)),
  );

  api.post(
    '/api/requests/:id/attachments',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary:
          'Attaches a file (multipart field `file`; PDF, Word or image, checked by content; up to 10 MB)',
        params: uuidParam,
        response: { 201: attachment, ...writeErrors, 413: errorBody, 415: errorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await uploadAttachment(db, storage, request.actor, request.params.id, request)),
  );

  api.get(
    '/api/requests/:id/attachments/:fileId',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'Downloads an attachment',
        params: attachmentParams,
        response: { 200: z.any().describe('The file, as an attachment'), ...errors },
      },
    },
    (request, reply) =>
      downloadAttachment(db, storage, request.actor, request.params.id, request.params.fileId, reply),
  );

  api.delete(
    '/api/requests/:id/attachments/:fileId',
    {
      config: { access: access.requestRecord },
      schema: {
        tags,
        summary: 'Removes an attachment while the request may still be changed',
        params: attachmentParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await removeAttachment(db, request.actor, request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/admin/eligibility',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags: ['admin'],
        summary: 'The mandate the eligibility rules check: eligible regions and countries, topics',
        response: { 200: eligibilitySettingsResponse, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const settings = await getEligibilitySettings(db, request.actor);
      setVersionHeader(reply, settings.version);
      return settings;
    },
  );

  api.put(
    '/api/admin/eligibility',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Sets the mandate (administrators; If-Match required)',
        body: eligibilitySettingsBody,
        response: {
          200: eligibilitySettingsResponse,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          412: errorBody,
          428: errorBody,
        },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const settings = await saveEligibilitySettings(db, request.actor, version, request.body);
      setVersionHeader(reply, settings.version);
      return settings;
    },
  );

  transitionRoutes(app, deps);
}
