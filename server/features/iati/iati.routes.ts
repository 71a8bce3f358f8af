import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { publicBaseUrl, requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { listExternalActivities, listPublicExternalActivities } from './external-activities.service.ts';
import type { IatiConfig } from './iati.config.ts';
import {
  exportQuery,
  externalActivityPage,
  externalActivityQuery,
  iatiXml,
  importResult,
  problemsReport as problemsReportBody,
  publicExternalActivityPage,
} from './iati.contract.ts';
import { exportStream, IATI_STAFF, problemsReport } from './iati-export.service.ts';
import { type ImportFile, importIatiFile, MAX_IMPORT_BYTES } from './iati-import.service.ts';

const XML_TYPES = ['application/xml', 'text/xml'];

const importQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('The name to record for a file sent as the body'),
});

/** The file of an import: a multipart form's `file` field, or the request body itself as XML. */
async function importFileOf(request: FastifyRequest, fileName: string | undefined): Promise<ImportFile> {
  if (request.isMultipart()) {
    const upload = await readUpload(request, 'file', MAX_IMPORT_BYTES);
    return { bytes: upload.bytes, fileName: upload.fileName };
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the IATI file as the body (application/xml) or as the field "file" of a multipart form',
    );
  }
  return { bytes: request.body, fileName: fileName ?? 'upload.xml' };
}

export interface IatiDeps {
  db: Db;
  iati: IatiConfig;
}

export function iatiRoutes(app: FastifyInstance, { db, iati }: IatiDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/iati/activities.xml',
    {
      config: { access: access.public },
      schema: {
        tags: ['iati'],
        summary: 'The Actions as an IATI 2.03 activity file, streamed (public Actions; all=true for staff)',
        querystring: exportQuery,
        response: { 200: iatiXml, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      // Document links are absolute: TANDEM_PUBLIC_URL, else the address the file was asked at.
      const published = { ...iati, publicUrl: publicBaseUrl(request, { publicUrl: iati.publicUrl }) };
      const stream = exportStream(db, published, request.actor, request.query);
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
      config: { access: access.staff },
      schema: {
        tags: ['iati'],
        summary: 'What is wrong with the export, per Action, before it is published (admin and officer)',
        querystring: exportQuery,
        response: { 200: problemsReportBody, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) =>
      problemsReport(
        db,
        { ...iati, publicUrl: publicBaseUrl(request, { publicUrl: iati.publicUrl }) },
        request.actor,
        request.query,
      ),
  );

  api.get(
    '/api/external-activities',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags: ['iati'],
        summary: 'Imported activities of other publishers, by recipient country and topic',
        querystring: externalActivityQuery,
        response: { 200: externalActivityPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) => listExternalActivities(db, request.actor, request.query, requestLanguage(request)),
  );

  api.get(
    '/api/public/external-activities',
    {
      config: { access: access.public },
      schema: {
        tags: ['public'],
        summary: 'Who else works on a topic in a country: imported activities, public fields',
        querystring: externalActivityQuery,
        response: { 200: publicExternalActivityPage, 400: errorBody },
      },
    },
    (request) => listPublicExternalActivities(db, request.query, requestLanguage(request)),
  );

  // The import reads XML bodies, which no other route accepts: its parser lives in its own scope.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      XML_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/iati/import',
      {
        config: { access: access.staff },
        bodyLimit: MAX_IMPORT_BYTES,
        // Refuse before a byte of the file is read; the service checks again.
        onRequest: async (request) => {
          requireRole(request.actor, IATI_STAFF);
        },
        schema: {
          tags: ['iati'],
          summary:
            'Import an IATI activity file of another publisher: all its activities or none (admin and officer)',
          querystring: importQuery,
          consumes: [...XML_TYPES, 'multipart/form-data'],
          response: {
            200: importResult,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            413: errorBody,
            415: errorBody,
            422: errorBody,
          },
        },
      },
      async (request) =>
        importIatiFile(db, iati, request.actor, await importFileOf(request, request.query.fileName)),
    );
  });
}
