import { DrizzleQueryError } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { stdSerializers } from 'pino';

/**
 * What the log writes of requests and errors: enough to find what failed and where, none of the
 * personal data it was about (decision 124). The log has none of the database's access control: it
 * goes to standard output, a journal or a log service, and is kept for weeks.
 */
export const logSerializers = { err: logSafeError, req: logSafeRequest };

/**
 * A request: its method, its path and the names of its query's parameters, not their values (the
 * experts are searched by name); the address it came from, for the rate limits and the security log.
 */
export function logSafeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutQueryValues(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** `/api/experts?q=Ana%20Ruiz&page=2` → `/api/experts?q&page`. */
export function withoutQueryValues(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const names = url
    .slice(start + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=', 1)[0]);
  return `${url.slice(0, start)}?${names.join('&')}`;
}

/**
 * An error, without the values it carries. A failed statement's error holds the values it was sent
 * with (`params`, repeated in its message and its stack): the names, e-mail addresses and dates of
 * birth of the trainees and officials a request wrote. PostgreSQL's `detail` quotes the key or the
 * whole row it refused. The log keeps the statement's text, the error's code, constraint, table and
 * column, and the message and stack of each cause.
 */
export function logSafeError(error: unknown) {
  return stdSerializers.err(error instanceof Error ? withoutValues(error) : (error as Error));
}

/** Fields of database errors that quote the values of a statement or of a row. */
const VALUE_FIELDS = ['params', 'detail'] as const;

function withoutValues(error: Error, depth = 0): Error {
  const cause =
    error.cause instanceof Error && depth < 10 ? withoutValues(error.cause, depth + 1) : error.cause;
  const isQuery = error instanceof DrizzleQueryError;
  const quotesValues = VALUE_FIELDS.some((field) => Object.hasOwn(error, field));
  if (!isQuery && !quotesValues && cause === error.cause) return error;

  // A copy of the same type (the log names it) and own fields, less those that quote values.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error)), error) as Error &
    Record<string, unknown>;
  for (const field of VALUE_FIELDS) delete copy[field];
  const message = isQuery ? `Failed query: ${error.query}` : error.message;
  // The stack's first lines are the message as it was made (with the values); its frames follow.
  const frames = error.stack?.indexOf('\n    at ') ?? -1;
  Object.defineProperties(copy, {
    message: { value: message, writable: true, configurable: true },
    stack: {
      value: `${error.name}: ${message}${frames >= 0 ? error.stack?.slice(frames) : ''}`,
      writable: true,
      configurable: true,
    },
    cause: { value: cause, writable: true, configurable: true },
  });
  return copy;
}
