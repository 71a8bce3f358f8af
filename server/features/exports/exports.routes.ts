import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { exportParams, importParams, importQuery, importReport, templateParams } from './exports.contract.ts';
import { datasetTable } from './exports.datasets.ts';
import { MAX_IMPORT_BYTES, runImport } from './imports.service.ts';
import { importTemplate } from './imports.template.ts';
import { sendTable } from './send-table.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
const file = z.any().describe('The file');

export function exportsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/exports/:dataset.:format',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Actions, activities, deliverables or participants as XLSX or CSV, as the caller may see them',
        description:
          'Headings in the language of Accept-Language; text that a spreadsheet would run as a formula starts with an apostrophe. Participants: staff, and partners for the people of their institution.',
        params: exportParams,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const table = await datasetTable(db, request.actor, request.params.dataset, lang);
      return sendTable(reply, table, request.params.format, request.params.dataset);
    },
  );

  api.get(
    '/api/imports/:kind/template.xlsx',
    {
      schema: {
        tags: ['exports'],
        summary: 'An empty import file with its columns, and a sheet that explains them (staff)',
        params: templateParams,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      return sendTable(
        reply,
        importTemplate(request.actor, request.params.kind, lang),
        'xlsx',
        `${request.params.kind}-template`,
      );
    },
  );

  api.post(
    '/api/imports/:kind',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Imports Actions’ plans or activities from XLSX or CSV: a dry run, then all rows or none (staff)',
        description:
          'Send the file as the field "file" of a multipart form. dryRun=true checks each row and reports row, column and message; dryRun=false applies every row in one transaction, or none (422 with the problems).',
        params: importParams,
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importReport, ...errors, 413: errorBody, 415: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      const upload = await readUpload(request, 'file', MAX_IMPORT_BYTES);
      return runImport(
        db,
        request.actor,
        request.params.kind,
        { bytes: upload.bytes, fileName: upload.fileName },
        request.query.dryRun === 'true',
        requestLanguage(request),
      );
    },
  );
}
