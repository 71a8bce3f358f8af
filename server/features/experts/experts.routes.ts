import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keptPages } from '../../kernel/cache/kept-list.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { access } from '../../kernel/http/access.ts';
import { sendKept } from '../../kernel/http/cached-reply.ts';
import { errorBody, fileInfo, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import { CV_FILE_RULES, myAssignments, sendCv, uploadCv } from './expert-account.service.ts';
import {
  expertDetail,
  expertInput,
  expertListQuery,
  expertPage,
  expertPatch,
  myAssignments as myAssignmentsBody,
} from './experts.contract.ts';
import { createExpert, expertListRead, getExpert, updateExpert } from './experts.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['experts'];

export function expertsRoutes(app: FastifyInstance, { db, storage }: { db: Db; storage: FileStorage }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Roster pages are kept until a table they read changes (decision 111).
  const lists = keptPages(db);

  api.get(
    '/api/experts',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: 'The roster (staff; steering without contact data)',
        querystring: expertListQuery,
        response: { 200: expertPage, 304: notModified, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request, reply) =>
      sendKept(request, reply, lists, expertPage, expertListRead(db, request.actor, request.query)),
  );

  api.post(
    '/api/experts',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Adds an expert to the roster (staff)',
        body: expertInput,
        response: { 201: expertDetail, ...errors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const expert = await createExpert(db, request.actor, request.body, requestLanguage(request));
      setVersionHeader(reply, expert.version);
      return reply.status(201).send(expert);
    },
  );

  api.get(
    '/api/experts/me/assignments',
    {
      config: { access: access.expert },
      schema: {
        tags,
        summary: 'The signed-in expert’s own assignments',
        response: { 200: myAssignmentsBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) => myAssignments(db, request.actor, requestLanguage(request)),
  );

  api.get(
    '/api/experts/:id',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: 'One expert of the roster',
        params: uuidParam,
        response: { 200: expertDetail, ...errors },
      },
    },
    async (request, reply) => {
      const expert = await getExpert(db, request.actor, request.params.id, requestLanguage(request));
      setVersionHeader(reply, expert.version);
      return expert;
    },
  );

  api.patch(
    '/api/experts/:id',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Changes an expert’s profile (staff); needs If-Match',
        params: uuidParam,
        body: expertPatch,
        response: { 200: expertDetail, ...errors, 409: errorBody, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const expert = await updateExpert(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
        requestLanguage(request),
      );
      setVersionHeader(reply, expert.version);
      return expert;
    },
  );

  api.post(
    '/api/experts/:id/cv',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Uploads an expert’s CV (multipart: file; PDF or Word, up to 10 MB)',
        params: uuidParam,
        consumes: ['multipart/form-data'],
        response: { 201: fileInfo, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (request, reply) => {
      const file = await uploadCv(db, storage, request.actor, request.params.id, () =>
        readUpload(request, 'file', CV_FILE_RULES.maxBytes),
      );
      return reply.status(201).send(file);
    },
  );

  api.get(
    '/api/experts/:id/cv',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Downloads an expert’s CV (staff)',
        params: uuidParam,
        response: { 200: z.any().describe('The file, as an attachment'), ...errors },
      },
    },
    (request, reply) => sendCv(db, storage, request.actor, request.params.id, reply),
  );
}
