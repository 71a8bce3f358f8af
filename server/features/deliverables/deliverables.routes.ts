import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { access, type RouteAccess } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import { indexDeliverable } from '../library/library-index.ts';
import {
  addDeliverableVersion,
  DELIVERABLE_FILE_RULES,
  sendDeliverableVersion,
  transitionDeliverable,
} from './deliverable-workflow.service.ts';
import {
  commentBody,
  deliverableDetail,
  deliverableInput,
  deliverableList,
  deliverableListQuery,
  deliverablePatch,
  requestChangesBody,
  versionFileParams,
} from './deliverables.contract.ts';
import {
  commentOnDeliverable,
  createDeliverable,
  getDeliverable,
  listActionDeliverables,
  listDeliverables,
  updateDeliverable,
} from './deliverables.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['deliverables'];

/**
 * A deliverable of partner A's Action while it is a draft: the partner sees it only once it is sent
 * for review; the steering committee reads it; the work on it is the staff's and its experts'.
 */
const draftDeliverable: RouteAccess = { ...access.actionRecord, partnerA: 404 };
const draftDeliverableWork: RouteAccess = { ...draftDeliverable, steering: 403 };

export function deliverablesRoutes(app: FastifyInstance, { db, storage }: { db: Db; storage: FileStorage }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/actions/:id/deliverables',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The deliverables of an Action that the caller may see (a partner: not the internal ones)',
        params: uuidParam,
        response: { 200: deliverableList, ...errors },
      },
    },
    (request) => listActionDeliverables(db, request.actor, request.params.id, requestLanguage(request)),
  );

  api.post(
    '/api/actions/:id/deliverables',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Creates a deliverable of the Action, as a draft (staff)',
        description: 'The title and summary are stored in the language of Accept-Language.',
        params: uuidParam,
        body: deliverableInput,
        response: { 201: deliverableDetail, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await createDeliverable(
        db,
        request.actor,
        request.params.id,
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, detail.version);
      return reply.status(201).send(detail);
    },
  );

  api.get(
    '/api/deliverables',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Deliverables across the Actions the caller may see (an expert: those they work on)',
        querystring: deliverableListQuery,
        response: { 200: deliverableList, 400: errorBody, 401: errorBody },
      },
    },
    (request) => listDeliverables(db, request.actor, request.query, requestLanguage(request)),
  );

  api.get(
    '/api/deliverables/:id',
    {
      config: { access: draftDeliverable },
      schema: {
        tags,
        summary: 'One deliverable with its versions and comments',
        params: uuidParam,
        response: { 200: deliverableDetail, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await getDeliverable(db, request.actor, request.params.id, requestLanguage(request));
      setVersionHeader(reply, detail.version);
      return detail;
    },
  );

  api.patch(
    '/api/deliverables/:id',
    {
      config: { access: draftDeliverableWork },
      schema: {
        tags,
        summary: 'Changes a deliverable that is not published (staff); needs If-Match',
        params: uuidParam,
        body: deliverablePatch,
        response: { 200: deliverableDetail, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const detail = await updateDeliverable(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, detail.version);
      return detail;
    },
  );

  api.post(
    '/api/deliverables/:id/versions',
    {
      config: { access: draftDeliverableWork },
      schema: {
        tags,
        summary: 'Uploads a new version (multipart: file, changeNote, language)',
        description: 'PDF or Word, up to 25 MB, checked by its content. Refused (409) once validated.',
        params: uuidParam,
        consumes: ['multipart/form-data'],
        response: { 201: deliverableDetail, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (request, reply) => {
      const { detail, number } = await addDeliverableVersion(
        db,
        storage,
        request.actor,
        request.params.id,
        () => readUpload(request, 'file', DELIVERABLE_FILE_RULES.maxBytes),
        requestLanguage(request),
      );
      setVersionHeader(reply, detail.version);
      return reply
        .status(201)
        .header('location', `/api/deliverables/${detail.id}/versions/${number}/file`)
        .send(detail);
    },
  );

  api.get(
    '/api/deliverables/:id/versions/:number/file',
    {
      config: { access: draftDeliverable },
      schema: {
        tags,
        summary: 'Downloads the file of one version',
        params: versionFileParams,
        response: { 200: z.any().describe('The file, as an attachment'), ...errors },
      },
    },
    (request, reply) =>
      sendDeliverableVersion(db, storage, request.actor, request.params.id, request.params.number, reply),
  );

  api.post(
    '/api/deliverables/:id/comments',
    {
      config: { access: draftDeliverableWork },
      schema: {
        tags,
        summary: 'Comments on a deliverable (the partner during review, the staff, its experts)',
        params: uuidParam,
        body: commentBody,
        response: { 201: deliverableDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await commentOnDeliverable(
            db,
            request.actor,
            request.params.id,
            request.body,
            requestLanguage(request),
          ),
        ),
  );

  for (const verb of ['submit-for-review', 'validate', 'publish'] as const) {
    api.post(
      `/api/deliverables/:id/${verb}`,
      {
        config: {
          access:
            verb === 'submit-for-review' ? draftDeliverableWork : { ...draftDeliverableWork, expert: 403 },
        },
        schema: {
          tags,
          summary:
            verb === 'submit-for-review'
              ? 'Sends a draft to the partner for review (staff, its experts)'
              : verb === 'validate'
                ? 'Validates a deliverable in review (the partner; the staff for an internal one)'
                : 'Publishes a validated deliverable (staff)',
          params: uuidParam,
          response: { 200: deliverableDetail, ...errors },
        },
      },
      async (request) => {
        const detail = await transitionDeliverable(
          db,
          request.actor,
          request.params.id,
          verb,
          undefined,
          requestLanguage(request),
        );
        // Once published, its text goes into the library (read from the file after the commit).
        if (verb === 'publish') await indexDeliverable(db, storage, detail.id, request.actor?.id ?? null);
        return detail;
      },
    );
  }

  api.post(
    '/api/deliverables/:id/request-changes',
    {
      config: { access: { ...draftDeliverable, admin: 403, officer: 403, steering: 403, expert: 403 } },
      schema: {
        tags,
        summary: 'Sends a deliverable in review back to draft, with the reason (the partner)',
        params: uuidParam,
        body: requestChangesBody,
        response: { 200: deliverableDetail, ...errors },
      },
    },
    (request) =>
      transitionDeliverable(
        db,
        request.actor,
        request.params.id,
        'request-changes',
        request.body.reason,
        requestLanguage(request),
      ),
  );
}
