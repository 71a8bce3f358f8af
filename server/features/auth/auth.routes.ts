import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/actor.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody } from '../../kernel/http/common.contract.ts';
import {
  changePasswordBody,
  disableResponse,
  resetConfirmBody,
  resetRequestBody,
  sessionList,
  sessionListQuery,
  sessionParams,
  signInOptions,
  totpConfirmBody,
  totpConfirmResponse,
  totpSetupResponse,
  userParams,
} from './account.contract.ts';
import {
  changePassword,
  confirmPasswordReset,
  disableUser,
  endSession,
  listSessions,
  requestPasswordReset,
} from './account.service.ts';
import { loginBody, loginResponse } from './auth.contract.ts';
import { currentUser, login, logout, twoFactorStateOf } from './auth.service.ts';
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from './session.ts';
import { confirmTotp, ROLES_REQUIRING_TOTP, startTotpSetup } from './two-factor.ts';

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
        description:
          'Accounts with two-factor sign-in also send `otp` (a code from the authenticator, or a recovery code); without it the answer is 401 TOTP_REQUIRED. Repeated failures slow the account down, then lock it for a while (429 ACCOUNT_LOCKED).',
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
      const signedIn = await login(db, request.body.email, request.body.password, {
        otp: request.body.otp,
        userAgent: request.headers['user-agent'],
        demo: config.demo,
      });
      reply.setCookie(SESSION_COOKIE, signedIn.token, {
        ...cookieOptions,
        maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
      });
      return { user: signedIn.user, csrfToken: signedIn.csrfToken, twoFactor: signedIn.twoFactor };
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
      return {
        user: await currentUser(db, actor),
        csrfToken: request.csrfToken ?? '',
        twoFactor: await twoFactorStateOf(db, actor.id, request.enrolmentOnly),
      };
    },
  );

  api.get(
    '/api/auth/sign-in-options',
    {
      config: { access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'What the sign-in page tells: demo mode (the demo accounts sign in without a second factor)',
        response: { 200: signInOptions },
      },
    },
    async () => ({ demo: config.demo, twoFactorRoles: [...ROLES_REQUIRING_TOTP] }),
  );

  api.get(
    '/api/auth/sessions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: 'The live sessions of the signed-in user (an admin may ask for any user by userId)',
        querystring: sessionListQuery,
        response: { 200: sessionList, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({
      items: await listSessions(db, request.actor, request.sessionId, request.query.userId),
    }),
  );

  api.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: { ...access.signedIn, officer: 404, steering: 404, partnerB: 404, expert: 404 } },
      schema: {
        tags: ['auth'],
        summary: "End a session: one's own, or anyone's for an admin",
        params: sessionParams,
        response: { 204: z.null().describe('Ended'), 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      await endSession(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/admin/users/:id/disable',
    {
      config: { access: access.admin },
      schema: {
        tags: ['auth'],
        summary: 'Disable an account (admins): it can no longer sign in, and its sessions end at once',
        params: userParams,
        response: { 200: disableResponse, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => ({ sessionsEnded: await disableUser(db, request.actor, { id: request.params.id }) }),
  );

  api.post(
    '/api/auth/password',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: "Change one's own password; the other sessions end",
        body: changePasswordBody,
        response: { 204: z.null().describe('Changed'), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      await changePassword(db, request.actor, request.sessionId, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Mail a single-use reset link, valid for an hour (the answer is the same for unknown addresses)',
        body: resetRequestBody,
        response: { 202: z.null().describe('Accepted'), 400: errorBody, 429: errorBody },
      },
      config: {
        access: access.public,
        rateLimit: { max: 5, timeWindow: '1 minute', keyGenerator: (request) => request.ip },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body, {
        enabled: app.mailOutbox.enabled,
        publicUrl: config.publicUrl,
        afterCommit: () => app.mailOutbox.kick(),
      });
      return reply.status(202).send(null);
    },
  );

  api.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token; every session of the account ends',
        body: resetConfirmBody,
        response: { 204: z.null().describe('Password set'), 400: errorBody, 429: errorBody },
      },
      config: {
        access: access.public,
        rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.ip },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(db, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/totp/setup',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up two-factor sign-in: a new secret and its QR code',
        response: { 200: totpSetupResponse, 401: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request) => startTotpSetup(db, request.actor),
  );

  api.post(
    '/api/auth/totp/confirm',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary:
          'Confirm two-factor sign-in with a code from the authenticator; answers the recovery codes once',
        body: totpConfirmBody,
        response: {
          200: totpConfirmResponse,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
        },
      },
    },
    async (request) => confirmTotp(db, request.actor, request.sessionId ?? '', request.body.code),
  );
}
