import { DrizzleQueryError } from 'drizzle-orm';
import { stdSerializers } from 'pino';

/**
 * Errors as the log writes them: what failed and where, without the data it was failing on. A failed
 * statement's error carries the values it was sent with (`params`, repeated in its message and its
 * stack): the names, e-mail addresses and dates of birth of the trainees and officials a request
 * wrote. PostgreSQL's `detail` quotes the key or the whole row it refused. The log keeps the
 * statement's text, the error's code, constraint, table and column, and the message and stack of each
 * cause; the values stay in the database, where their access is controlled.
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
