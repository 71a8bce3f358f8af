import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access, type RouteAccess } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { readUpload } from '../../kernel/http/multipart.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import { activityCertificates, participationCertificate } from './certificates.ts';
import {
  attendanceInput,
  duplicateAnswer,
  duplicateList,
  duplicateQuery,
  erasureInput,
  importQuery,
  importReport,
  participantRegister,
  participationItem,
  participationPatch,
  personDetail,
  personExport,
  personPatch,
  registerSettingsInput,
  registrationInput,
  retentionInput,
  retentionReport,
  retentionRunQuery,
  retentionSetting,
  templateQuery,
} from './participants.contract.ts';
import {
  changeParticipationRole,
  findDuplicates,
  getParticipationItem,
  getPerson,
  getRegister,
  recordAttendance,
  registerParticipant,
  removeParticipation,
  updatePerson,
  updateRegisterSettings,
} from './participants.service.ts';
import { IMPORT_MAX_BYTES, importParticipants, importTemplate } from './participants-import.service.ts';
import {
  erasePerson,
  exportPerson,
  getRetention,
  runRetentionAs,
  setRetention,
} from './personal-data.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['participants'];

/**
 * Registers of partner A's activities and their people: staff for everyone, the partner's focal
 * point for its own institution's officials; steering members and experts see counts only.
 */
const registrars: RouteAccess = { ...access.staff, partnerA: 'ok', partnerB: 404 };

function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(pdf);
}

export function participantsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/activities/:id/participants',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The register of an activity: counts for all who see it, names for those allowed',
        description:
          'Staff see every name; a partner the names of its own institution’s people; steering members and experts counts only.',
        params: uuidParam,
        response: { 200: participantRegister, ...errors },
      },
    },
    async (request, reply) => {
      const register = await getRegister(db, request.actor, request.params.id);
      setVersionHeader(reply, register.registerVersion);
      return register;
    },
  );

  api.post(
    '/api/activities/:id/participants',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Registers a person for the activity (staff; a partner its own officials)',
        description:
          'A new person whose name and institution match people on record is answered with 409 and the candidates; send again with `existingPersonId` or `confirmNew: true`.',
        params: uuidParam,
        body: registrationInput,
        response: { 201: participationItem, ...errors, 409: z.union([duplicateAnswer, errorBody]) },
      },
    },
    async (request, reply) => {
      const result = await registerParticipant(db, request.actor, request.params.id, request.body);
      if (result.kind === 'duplicates') {
        return reply.status(409).send({
          error: {
            code: 'PARTICIPANT_POSSIBLE_DUPLICATE',
            message:
              'People with this name and institution are already on record: say which one it is, or confirm that this is someone new',
            details: [{ field: 'person.fullName', message: 'matches people on record' }],
          },
          candidates: result.candidates,
        });
      }
      setVersionHeader(reply, result.item.version);
      return reply.status(201).send(result.item);
    },
  );

  api.post(
    '/api/activities/:id/participants/duplicates',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'The duplicate check: people on record with this name and institution',
        params: uuidParam,
        body: duplicateQuery,
        response: { 200: duplicateList, ...errors },
      },
    },
    (request) => findDuplicates(db, request.actor, request.params.id, request.body),
  );

  api.put(
    '/api/activities/:id/attendance',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Records attendance: present or absent, per participation and day',
        params: uuidParam,
        body: attendanceInput,
        response: { 200: participantRegister, ...errors },
      },
    },
    (request) => recordAttendance(db, request.actor, request.params.id, request.body),
  );

  api.put(
    '/api/activities/:id/register',
    {
      config: { access: { ...access.staff, partnerB: 404 } },
      schema: {
        tags,
        summary: 'Sets the hours of a day printed on certificates (staff); If-Match: the register’s ETag',
        params: uuidParam,
        body: registerSettingsInput,
        response: { 200: participantRegister, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const register = await updateRegisterSettings(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body.hoursPerDay,
      );
      setVersionHeader(reply, register.registerVersion);
      return register;
    },
  );

  api.post(
    '/api/activities/:id/participants/import',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Imports participants from an XLSX or CSV file (multipart: file)',
        description:
          '`mode=check` reports what is wrong (row, column, message) and writes nothing; `mode=all` imports only if every row is valid; `mode=valid-only` imports the valid rows. Rows naming a person on record (same name and institution) are linked to that person.',
        params: uuidParam,
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importReport, ...errors, 413: errorBody, 415: errorBody, 422: errorBody },
      },
    },
    (request) =>
      importParticipants(
        db,
        request.actor,
        request.params.id,
        () => readUpload(request, 'file', IMPORT_MAX_BYTES),
        request.query.mode,
        requestLanguage(request),
      ),
  );

  api.get(
    '/api/participants/import-template',
    {
      config: { access: { ...access.staff, partnerA: 'ok', partnerB: 'ok' } },
      schema: {
        tags,
        summary: 'The import template, with its headings in a language (XLSX or CSV)',
        querystring: templateQuery,
        response: { 200: z.any().describe('The template, as an attachment'), 401: errorBody, 400: errorBody },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const lang = request.query.lang ?? requestLanguage(request);
      const body = await importTemplate(lang, request.query.format);
      return reply
        .header('content-type', request.query.format === 'csv' ? CSV_MEDIA_TYPE : XLSX_MEDIA_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="participants-template-${lang}.${request.query.format}"`,
        )
        .send(body);
    },
  );

  api.get(
    '/api/activities/:id/certificates.pdf',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'All certificates of attendance of the activity, one page each, in one PDF',
        params: uuidParam,
        response: { 200: z.any().describe('A PDF'), ...errors },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await activityCertificates(db, request.actor, request.params.id);
      return sendPdf(reply, pdf, fileName);
    },
  );

  api.get(
    '/api/participations/:id',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'One participation',
        params: uuidParam,
        response: { 200: participationItem, ...errors },
      },
    },
    async (request, reply) => {
      const item = await getParticipationItem(db, requireActor(request.actor), request.params.id);
      setVersionHeader(reply, item.version);
      return item;
    },
  );

  api.patch(
    '/api/participations/:id',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Changes a participant’s role; needs If-Match',
        params: uuidParam,
        body: participationPatch,
        response: { 200: participationItem, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const item = await changeParticipationRole(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body.role,
      );
      setVersionHeader(reply, item.version);
      return item;
    },
  );

  api.delete(
    '/api/participations/:id',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Takes someone off the register (the person’s record stays)',
        params: uuidParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeParticipation(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/participations/:id/certificate.pdf',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'The certificate of attendance, in the activity’s working language',
        params: uuidParam,
        response: { 200: z.any().describe('A PDF'), ...errors },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await participationCertificate(db, request.actor, request.params.id);
      return sendPdf(reply, pdf, fileName);
    },
  );

  api.get(
    '/api/people/:id',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'A person’s record',
        params: uuidParam,
        response: { 200: personDetail, ...errors },
      },
    },
    async (request, reply) => {
      const person = await getPerson(db, request.actor, request.params.id);
      setVersionHeader(reply, person.version);
      return person;
    },
  );

  api.patch(
    '/api/people/:id',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Corrects a person’s record and lawful basis; needs If-Match',
        params: uuidParam,
        body: personPatch,
        response: { 200: personDetail, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const person = await updatePerson(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionHeader(reply, person.version);
      return person;
    },
  );

  api.post(
    '/api/people/:id/erase',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Erases a person’s identity on their request (staff); the counts stay',
        params: uuidParam,
        body: erasureInput,
        response: { 200: personDetail, ...errors },
      },
    },
    (request) => erasePerson(db, request.actor, request.params.id, request.body.reason),
  );

  api.get(
    '/api/people/:id/export',
    {
      config: { access: registrars },
      schema: {
        tags,
        summary: 'Everything held about a person, as JSON (staff; the partner of the person’s institution)',
        params: uuidParam,
        response: { 200: personExport, ...errors },
      },
    },
    async (request, reply) => {
      const data = await exportPerson(db, request.actor, request.params.id);
      reply.header('content-disposition', `attachment; filename="person-${request.params.id}.json"`);
      reply.header('cache-control', 'private, no-store');
      return data;
    },
  );

  api.get(
    '/api/admin/participants/retention',
    {
      config: { access: access.admin },
      schema: { tags, summary: 'The retention rule (admin)', response: { 200: retentionSetting, ...errors } },
    },
    async (request, reply) => {
      const rule = await getRetention(db, request.actor);
      setVersionHeader(reply, rule.version);
      return rule;
    },
  );

  api.put(
    '/api/admin/participants/retention',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary:
          'Sets the retention rule: years after an activity ends (admin); null removes it; needs If-Match',
        body: retentionInput,
        response: { 200: retentionSetting, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const rule = await setRetention(db, request.actor, requireIfMatch(request), request.body.years);
      setVersionHeader(reply, rule.version);
      return rule;
    },
  );

  api.post(
    '/api/admin/participants/retention/run',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary:
          'Runs the pseudonymisation job (admin); dryRun=true (the default) lists what it would change',
        querystring: retentionRunQuery,
        response: { 200: retentionReport, ...errors },
      },
    },
    (request) => runRetentionAs(db, request.actor, request.query.dryRun),
  );
}
