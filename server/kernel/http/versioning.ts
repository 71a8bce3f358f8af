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

/**
 * The record as the caller reads it now, for the answer to a stale update: with it a client can
 * show what changed and merge, without a second round trip that could meet yet another version.
 * It is read through the route that serves the record (the same address, or the route's
 * `config.currentAt`), so the caller sees exactly what a GET shows them, no more.
 */
export async function currentRecord(
  request: FastifyRequest,
): Promise<{ version: number; record: unknown } | undefined> {
  const path = request.url.split('?')[0] ?? '';
  const pattern = request.routeOptions.config.currentAt;
  const params = (request.params ?? {}) as Record<string, string>;
  const url = pattern
    ? pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
    : path;
  const headers: Record<string, string> = {};
  for (const name of ['cookie', 'accept-language', 'authorization'] as const) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await request.server.inject({ method: 'GET', url, headers });
  const match = /^(?:W\/)?"(\d+)"$/.exec(String(answer.headers.etag ?? ''));
  if (answer.statusCode !== 200 || !match) return undefined;
  return { version: Number(match[1]), record: answer.json() };
}
