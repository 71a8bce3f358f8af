import { desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../kernel/audit/audit.table.ts';
import { createTestApp, DEMO_PASSWORD, sessionCookie, type TestApp } from '../../test/harness.ts';
import { sessions } from './auth.table.ts';
import { sessionIdOf } from './session.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password = DEMO_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('sign-in', () => {
  it('answers the user and a CSRF token, and sets an HttpOnly SameSite session cookie', async () => {
    const response = await login('officer@demo.tandem.test');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({
      email: 'officer@demo.tandem.test',
      role: 'officer',
      institution: null,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = response.cookies.find((c) => c.name === 'tandem_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(body.user).not.toHaveProperty('passwordHash');
  });

  it('is case-insensitive on the e-mail and links a partner to its institution', async () => {
    const response = await login('Partner.Ghana@Demo.Tandem.Test');
    expect(response.statusCode).toBe(200);
    expect(response.json().user.institution.name).toBe('Ghana Immigration Service');
  });

  it('refuses a wrong password and an unknown account with the same message', async () => {
    const wrong = await login('officer@demo.tandem.test', 'not-the-password');
    const unknown = await login('nobody@demo.tandem.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('opens a new session at every sign-in', async () => {
    const first = sessionCookie(await login('steering@demo.tandem.test'));
    const second = sessionCookie(await login('steering@demo.tandem.test'));
    expect(first).not.toBe(second);
  });

  it('validates the body field by field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('limits the rate of attempts on one account from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await login('someone@demo.tandem.test', 'wrong-password')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await login('someone@demo.tandem.test', 'wrong-password');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another account from the same address is not locked out.
    expect((await login('officer@demo.tandem.test')).statusCode).toBe(200);
  });
});

describe('session', () => {
  it('answers the signed-in user at /api/auth/me, and 401 without a session', async () => {
    const headers = await t.signIn('partner.jordan@demo.tandem.test');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: headers.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('partner');
    expect(me.json().csrfToken).toBe(headers['x-csrf-token']);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers requests that arrive together (their sessions read in one statement) each with its own session', async () => {
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const people = [
      'partner.ghana@demo.tandem.test',
      'partner.jordan@demo.tandem.test',
      'officer@demo.tandem.test',
      'expert@demo.tandem.test',
    ];
    const signedIn = await Promise.all(people.map((email) => t.signIn(email)));
    const ended = await t.signIn('steering@demo.tandem.test');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: ended })).statusCode).toBe(
      204,
    );
    const answers = await Promise.all([
      ...[...signedIn, ...signedIn].map((headers) => me(headers.cookie)),
      me(ended.cookie),
      me('tandem_session=unknown-token'),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([...Array(8).fill(200), 401, 401]);
    expect(answers.slice(0, 8).map((answer) => answer.json().user.email)).toEqual([...people, ...people]);
    expect(answers.slice(0, 8).map((answer) => answer.json().csrfToken)).toEqual(
      [...signedIn, ...signedIn].map((headers) => headers['x-csrf-token']),
    );
  });

  it('requires the CSRF token on state-changing requests, then signs out for good', async () => {
    const headers = await t.signIn('expert@demo.tandem.test');
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: headers.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session after two idle hours, and after twelve hours in any case', async () => {
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const idle = await t.signIn('steering@demo.tandem.test');
    const old = await t.signIn('steering@demo.tandem.test');
    const active = await t.signIn('steering@demo.tandem.test');
    const idOf = (headers: { cookie: string }) => sessionIdOf(headers.cookie.split('=')[1] ?? '');
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: hoursAgo(2.1) })
      .where(eq(sessions.id, idOf(idle)));
    await t.database.db
      .update(sessions)
      .set({ expiresAt: hoursAgo(0.01) })
      .where(eq(sessions.id, idOf(old)));
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: hoursAgo(1.9) })
      .where(eq(sessions.id, idOf(active)));
    expect((await me(idle.cookie)).statusCode).toBe(401);
    expect((await me(old.cookie)).statusCode).toBe(401);
    expect((await me(active.cookie)).statusCode).toBe(200);
    // Being used moves the idle deadline on.
    const [touched] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, idOf(active)));
    expect(Date.now() - (touched?.lastSeenAt.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it('records sign-in and sign-out in the audit log', async () => {
    const headers = await t.signIn('admin@demo.tandem.test');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    const events = await t.database.db
      .select({ event: auditEvents.event, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(like(auditEvents.event, 'auth.%'))
      .orderBy(desc(auditEvents.id))
      .limit(2);
    expect(events.map((e) => e.event)).toEqual(['auth.logout', 'auth.login']);
    expect(events[0]?.actorId).toBeTruthy();
  });
});
