import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/actor.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import { loginBody, loginResponse } from './auth.contract.ts';
import { currentUser, login, logout } from './auth.service.ts';
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from './session.ts';

export function authRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
  };

  api.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: loginBody,
        response: { 200: loginResponse, 400: errorBody, 401: errorBody, 429: errorBody },
      },
      config: {
        access: access.public,
        // Per address and account, so that one user's typos do not lock out a whole office.
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const signedIn = await login(db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, signedIn.token, {
        ...cookieOptions,
        maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
      });
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  );

  api.post(
    '/api/auth/logout',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.null().describe('Signed out'), 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await logout(db, actor, request.sessionToken ?? '');
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/auth/me',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token of the session',
        response: { 200: loginResponse, 401: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return { user: await currentUser(db, actor), csrfToken: request.csrfToken ?? '' };
    },
  );
}
