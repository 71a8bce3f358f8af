import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The ETag of a versioned record: its version number, quoted. */
export const etagOf = (version: number) => `"${version}"`;

export function setVersionHeader(reply: FastifyReply, version: number) {
  reply.header('etag', etagOf(version));
}

/**
 * The version an update was based on, from `If-Match: "N"`. Without it an update could silently
 * overwrite someone else's change, so it is required (428).
 */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) {
    throw new AppError(
      'VERSION_REQUIRED',
      'Send the If-Match header with the ETag of the version you read, so that no one else’s change is overwritten',
    );
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(String(header).trim());
  if (!match) throw new AppError('VERSION_REQUIRED', 'If-Match must be the ETag of the record, such as "3"');
  return Number(match[1]);
}

/** The answer to an update whose version is stale: 412 with the version that is current. */
export function staleVersion(what: string, current: number): AppError {
  return new AppError(
    'VERSION_MISMATCH',
    `${what} was changed by someone else since you read it (it is now at version ${current}); reload it and apply your change again`,
    [{ field: 'If-Match', message: `current version is ${current}` }],
  );
}
