import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { KnownVersions } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { resolveSession } from './auth.service.ts';
import { SESSION_COOKIE } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null for an anonymous caller. */
    actor: Actor | null;
    /** The session token from the cookie, when it names a live session. */
    sessionToken: string | null;
    csrfToken: string | null;
    /** The id of the live session (the token's digest), or null. */
    sessionId: string | null;
    /** The session may only set up two-factor sign-in. */
    enrolmentOnly: boolean;
    /** Cached data sets' versions read with the session, for the kept answers (decision 111). */
    knownVersions: KnownVersions | undefined;
  }
}

/** What a session limited to enrolment may call: who am I, sign out, and the two-factor set-up. */
const ENROLMENT_ROUTES = ['/api/auth/me', '/api/auth/logout', '/api/auth/totp/'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Resolves the session cookie into `request.actor` on every API request, and requires the
 * `x-csrf-token` header on every state-changing request that the cookie authenticates.
 */
export function registerSessions(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('enrolmentOnly', false);
  app.decorateRequest('knownVersions', undefined);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(db, token);
    if (!session) return;
    request.actor = session.actor;
    request.sessionToken = token;
    request.csrfToken = session.csrfToken;
    request.sessionId = session.id;
    request.enrolmentOnly = session.enrolmentOnly;
    request.knownVersions = session.knownVersions;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (!sameToken(session.csrfToken, Array.isArray(header) ? header[0] : header)) {
        throw new AppError(
          'CSRF_TOKEN_INVALID',
          'The x-csrf-token header is missing or does not match this session; use the token from sign-in or /api/auth/me',
        );
      }
    }
    if (session.enrolmentOnly) {
      const path = request.url.split('?')[0] ?? '';
      if (
        !ENROLMENT_ROUTES.some(
          (allowed) => path === allowed || (allowed.endsWith('/') && path.startsWith(allowed)),
        )
      )
        throw new AppError(
          'TOTP_ENROLMENT_REQUIRED',
          'Set up two-factor sign-in first: this account role requires it (POST /api/auth/totp/setup)',
        );
    }
  });
}
