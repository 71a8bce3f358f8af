import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus, type FieldProblem } from '../errors.ts';
import { currentRecord, etagOf } from './versioning.ts';

/** Turns a Zod issue path such as `/body/countries/0` into `countries[0]` for humans. */
function fieldName(instancePath: string, context: string | undefined): string {
  const parts = instancePath.split('/').filter(Boolean);
  const name = parts.reduce(
    (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    '',
  );
  return name || context || 'body';
}

function send(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: FieldProblem[],
  current?: { version: number; record: unknown },
) {
  return reply
    .status(errorStatus[code])
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(details ? { details } : {}), ...(current ? { current } : {}) } });
}

/** Fastify's own errors (body parsing, limits) mapped to the project's vocabulary. */
const fastifyCodes: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['MALFORMED_JSON', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    'MALFORMED_JSON',
    'The request body is empty but the content type says JSON; send a JSON value or no content type',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is larger than this endpoint accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'UNSUPPORTED_MEDIA_TYPE',
    'This endpoint does not accept that content type',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'VALIDATION_FAILED',
    'The Content-Length header does not match the body',
  ],
};

/**
 * Errors Fastify meets before a route is found (an address that does not decode, a path segment
 * longer than any identifier), answered in the error format like every other refusal.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, 'URI_TOO_LONG', 'A part of the address is longer than any identifier of this API');
  }
  return send(reply, 'VALIDATION_FAILED', 'The address is not valid: a part of it does not decode');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError && error.code === 'VERSION_MISMATCH') {
      // Every stale update answers with the record as it is now, read once here for every route.
      const current = await currentRecord(request).catch((cause: unknown) => {
        request.log.warn({ err: cause }, 'could not read the current record for a 412');
        return undefined;
      });
      if (current) reply.header('etag', etagOf(current.version));
      return send(reply, error.code, error.message, error.details, current);
    }
    if (error instanceof AppError) return send(reply, error.code, error.message, error.details);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: fieldName(issue.instancePath, error.validationContext),
        message: issue.message ?? 'is not valid',
      }));
      const where = error.validationContext ?? 'request';
      return send(
        reply,
        'VALIDATION_FAILED',
        `The ${where} is not valid: ${details[0]?.field} ${details[0]?.message}`,
        details,
      );
    }

    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, known[0], known[1]);
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return send(reply, 'MALFORMED_JSON', `The request body is not valid JSON: ${error.message}`);
    }
    if (error.statusCode === 429) return send(reply, 'RATE_LIMITED', error.message);

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its contract');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // A client error raised by a plugin: its message is meant for the caller.
      return send(reply, error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', error.message);
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    // Never a stack trace or an internal message in a 500.
    return send(reply, 'INTERNAL', 'Something went wrong on our side; it has been logged');
  });
}

/** Unknown API routes answer a JSON 404; other GETs get the web app, which routes on the client. */
export function registerNotFound(app: FastifyInstance, { serveWebApp }: { serveWebApp: boolean }) {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client routes have no file extension; a missing asset (an old chunk after a deploy) is a 404.
    const isClientRoute =
      !path.startsWith('/api/') && !path.startsWith('/assets/') && !/\.[a-z0-9]+$/i.test(path);
    if (serveWebApp && request.method === 'GET' && isClientRoute) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return send(reply, 'ROUTE_NOT_FOUND', `No route ${request.method} ${path}`);
  });
}
