import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keptPages } from '../../kernel/cache/kept-list.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { access } from '../../kernel/http/access.ts';
import { sendKept } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import {
  activityDetail,
  activityInput,
  activityList,
  activityPatch,
  calendarPage,
  calendarQuery,
  reasonBody,
} from './activities.contract.ts';
import {
  calendarRead,
  createActivity,
  getActivity,
  listActionActivities,
  updateActivity,
} from './activities.service.ts';
import {
  REPORT_FILE_RULES,
  reportActivity,
  sendActivityReport,
  transitionActivity,
} from './activity-status.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['activities'];

export function activitiesRoutes(app: FastifyInstance, { db, storage }: { db: Db; storage: FileStorage }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Calendar pages are kept until a table they read changes (decision 111).
  const lists = keptPages(db);

  api.get(
    '/api/actions/:id/activities',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The activities of an Action that the caller may see, in date order',
        params: uuidParam,
        response: { 200: activityList, ...errors },
      },
    },
    (request) => listActionActivities(db, request.actor, request.params.id, requestLanguage(request)),
  );

  api.post(
    '/api/actions/:id/activities',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Plans an activity of the Action (staff)',
        description: 'The title is stored in the language of Accept-Language.',
        params: uuidParam,
        body: activityInput,
        response: { 201: activityDetail, ...errors },
      },
    },
    async (request, reply) => {
      const activity = await createActivity(
        db,
        request.actor,
        request.params.id,
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, activity.version);
      return reply.status(201).send(activity);
    },
  );

  api.get(
    '/api/activities',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The portfolio calendar: activities across the Actions the caller may see',
        querystring: calendarQuery,
        response: { 200: calendarPage, 304: notModified, 400: errorBody, 401: errorBody },
      },
    },
    (request, reply) =>
      sendKept(
        request,
        reply,
        lists,
        calendarPage,
        calendarRead(db, request.actor, request.query, requestLanguage(request)),
      ),
  );

  api.get(
    '/api/activities/:id',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'One activity',
        params: uuidParam,
        response: { 200: activityDetail, ...errors },
      },
    },
    async (request, reply) => {
      const activity = await getActivity(db, request.actor, request.params.id, requestLanguage(request));
      setVersionHeader(reply, activity.version);
      return activity;
    },
  );

  api.patch(
    '/api/activities/:id',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Changes an open activity (staff); needs If-Match',
        params: uuidParam,
        body: activityPatch,
        response: { 200: activityDetail, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const activity = await updateActivity(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, activity.version);
      return activity;
    },
  );

  for (const verb of ['confirm', 'hold'] as const) {
    api.post(
      `/api/activities/:id/${verb}`,
      {
        config: { access: access.staff },
        schema: {
          tags,
          summary:
            verb === 'confirm' ? 'Confirms a planned or postponed activity' : 'Records that it was held',
          params: uuidParam,
          response: { 200: activityDetail, ...errors },
        },
      },
      (request) =>
        transitionActivity(db, request.actor, request.params.id, verb, undefined, requestLanguage(request)),
    );
  }

  for (const verb of ['postpone', 'cancel'] as const) {
    api.post(
      `/api/activities/:id/${verb}`,
      {
        config: { access: access.staff },
        schema: {
          tags,
          summary: `${verb === 'postpone' ? 'Postpones' : 'Cancels'} an activity, with a reason`,
          params: uuidParam,
          body: reasonBody,
          response: { 200: activityDetail, ...errors },
        },
      },
      (request) =>
        transitionActivity(
          db,
          request.actor,
          request.params.id,
          verb,
          request.body.reason,
          requestLanguage(request),
        ),
    );
  }

  api.post(
    '/api/activities/:id/report',
    {
      config: { access: { ...access.staff, expert: 'ok' } },
      schema: {
        tags,
        summary: 'Files the mission report of a held activity (multipart: file, summary)',
        description: 'The file (PDF or Word, up to 20 MB) is checked by its content.',
        params: uuidParam,
        consumes: ['multipart/form-data'],
        response: { 200: activityDetail, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    (request) =>
      reportActivity(
        db,
        storage,
        request.actor,
        request.params.id,
        () => readUpload(request, 'file', REPORT_FILE_RULES.maxBytes),
        requestLanguage(request),
      ),
  );

  api.get(
    '/api/activities/:id/report',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'Downloads the mission report file',
        params: uuidParam,
        response: { 200: z.any().describe('The file, as an attachment'), ...errors },
      },
    },
    (request, reply) => sendActivityReport(db, storage, request.actor, request.params.id, reply),
  );
}
