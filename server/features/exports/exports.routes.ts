import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { access, type RouteAccess } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { datasetIds, exportFormats, importKinds, importQuery, importReport } from './exports.contract.ts';
import { datasetTable } from './exports.datasets.ts';
import { MAX_IMPORT_BYTES, runImport } from './imports.service.ts';
import { importTemplate } from './imports.template.ts';
import { sendTable } from './send-table.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
const file = z.any().describe('The file');

/** Participants, names and contacts included: staff, and partners for their own institution's people. */
const participantsAccess: RouteAccess = { ...access.signedIn, steering: 403, expert: 403 };

export function exportsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // One address per dataset and format, each with who may call it.
  for (const dataset of datasetIds) {
    for (const format of exportFormats) {
      api.get(
        `/api/exports/${dataset}.${format}`,
        {
          config: { access: dataset === 'participants' ? participantsAccess : access.signedIn },
          schema: {
            tags: ['exports'],
            summary: `The ${dataset} the caller may see, as ${format.toUpperCase()}`,
            description:
              'Headings in the language of Accept-Language; text that a spreadsheet would run as a formula starts with an apostrophe.',
            response: { 200: file, ...errors },
          },
        },
        async (request, reply) => {
          const table = await datasetTable(db, request.actor, dataset, requestLanguage(request));
          return sendTable(reply, table, format, dataset);
        },
      );
    }
  }

  for (const kind of importKinds) {
    api.get(
      `/api/imports/${kind}/template.xlsx`,
      {
        config: { access: access.staff },
        schema: {
          tags: ['exports'],
          summary: `An empty ${kind} import file with its columns, and a sheet that explains them (staff)`,
          response: { 200: file, ...errors },
        },
      },
      async (request, reply) =>
        sendTable(
          reply,
          importTemplate(request.actor, kind, requestLanguage(request)),
          'xlsx',
          `${kind}-template`,
        ),
    );

    api.post(
      `/api/imports/${kind}`,
      {
        config: { access: access.staff },
        schema: {
          tags: ['exports'],
          summary: `Imports ${kind === 'actions' ? 'Actions’ plans' : 'activities'} from XLSX or CSV: a dry run, then all rows or none (staff)`,
          description:
            'Send the file as the field "file" of a multipart form. dryRun=true (the default) checks each row and reports row, column and message; dryRun=false applies every row in one transaction, or none (422 with the problems).',
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
          kind,
          { bytes: upload.bytes, fileName: upload.fileName },
          request.query.dryRun === 'true',
          requestLanguage(request),
        );
      },
    );
  }
}
