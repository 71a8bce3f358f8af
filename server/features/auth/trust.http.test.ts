import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../../test/harness.ts';
import { mailOutbox } from '../notifications/notifications.table.ts';
import { createUser } from '../users/users.service.ts';
import { LOCK_AFTER } from './auth.service.ts';
import { passwordResets, users } from './auth.table.ts';
import { currentTotp } from './two-factor.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    config: { smtpUrl: 'smtp://127.0.0.1:9', publicUrl: 'https://tandem.example.org' },
  });
});
afterAll(() => t.close());

const PASSWORD = 'a quiet harbour at noon';
const login = (email: string, password: string, otp?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password, ...(otp ? { otp } : {}) },
  });
const headersOf = (response: Awaited<ReturnType<typeof login>>) => ({
  cookie: sessionCookie(response),
  'x-csrf-token': response.json().csrfToken as string,
});
async function newAccount(email: string, role: 'officer' | 'admin' | 'steering' | 'expert') {
  return createUser(t.database.db, null, {
    email,
    role,
    name: email,
    institutionId: null,
    password: PASSWORD,
  });
}
const userRow = async (email: string) =>
  (await t.database.db.select().from(users).where(eq(users.email, email)))[0];

describe('password policy where passwords are set', () => {
  it('refuses short and common passwords when an account is created', async () => {
    const common = await createUser(t.database.db, null, {
      email: 'weak@example.org',
      role: 'expert',
      name: 'Weak',
      institutionId: null,
      password: 'qwerty123456',
    }).catch((e) => e);
    expect(common.code).toBe('VALIDATION_FAILED');
    expect(common.details[0]).toMatchObject({ field: 'password', message: expect.stringMatching(/common/) });
  });

  it("changes one's own password only with the current one and a good new one; other sessions end", async () => {
    await newAccount('changer@example.org', 'expert');
    const first = headersOf(await login('changer@example.org', PASSWORD));
    const second = headersOf(await login('changer@example.org', PASSWORD));
    const change = (headers: Record<string, string>, body: object) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: body });
    expect(
      (await change(first, { currentPassword: 'wrong one here', newPassword: 'a new long passphrase' }))
        .statusCode,
    ).toBe(400);
    const weak = await change(first, { currentPassword: PASSWORD, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    expect(
      (await change(first, { currentPassword: PASSWORD, newPassword: 'a new long passphrase' })).statusCode,
    ).toBe(204);
    const me = (h: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: h });
    expect((await me(first)).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(401);
    expect((await login('changer@example.org', 'a new long passphrase')).statusCode).toBe(200);
  });
});

describe('progressive delay and lockout', () => {
  it('slows an account down after repeated failures, in the database, even for the right password', async () => {
    await newAccount('slow@example.org', 'expert');
    for (let i = 0; i < 3; i++)
      expect((await login('slow@example.org', 'wrong password!')).statusCode).toBe(401);
    expect((await userRow('slow@example.org'))?.loginBlockedUntil).toBeNull();
    expect((await login('slow@example.org', 'wrong password!')).statusCode).toBe(401);
    const blocked = await login('slow@example.org', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringMatching(/wait \d+ seconds/),
    });
    // Once the delay has passed the right password works and the count starts again.
    await t.database.db
      .update(users)
      .set({ loginBlockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.email, 'slow@example.org'));
    expect((await login('slow@example.org', PASSWORD)).statusCode).toBe(200);
    expect((await userRow('slow@example.org'))?.failedLogins).toBe(0);
  });

  it(`locks the account after ${LOCK_AFTER} failures in a row`, async () => {
    await newAccount('locked@example.org', 'expert');
    await t.database.db
      .update(users)
      .set({ failedLogins: LOCK_AFTER - 1 })
      .where(eq(users.email, 'locked@example.org'));
    expect((await login('locked@example.org', 'wrong password!')).statusCode).toBe(401);
    const row = await userRow('locked@example.org');
    expect((row?.loginBlockedUntil?.getTime() ?? 0) - Date.now()).toBeGreaterThan(10 * 60 * 1000);
    const refused = await login('locked@example.org', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/locked/);
  });
});

describe('two-factor sign-in', () => {
  it('exempts the demo accounts in demo mode, and tells the sign-in page so', async () => {
    const response = await login('admin@demo.tandem.test', 'tandem-demo-password');
    expect(response.json().twoFactor).toEqual({ enabled: false, enrolmentRequired: false });
    const options = await t.app.inject({ method: 'GET', url: '/api/auth/sign-in-options' });
    expect(options.json()).toEqual({ demo: true, twoFactorRoles: ['admin', 'officer', 'steering'] });
  });

  it('makes an officer set it up before anything else, then asks for a code at every sign-in', async () => {
    await newAccount('second.factor@example.org', 'officer');
    const first = await login('second.factor@example.org', PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactor).toEqual({ enabled: false, enrolmentRequired: true });
    const headers = headersOf(first);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/actions', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');

    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Tandem:second\.factor%40example\.org\?/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers,
      payload: { code: currentTotp(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    // The same session now works in full.
    expect((await t.app.inject({ method: 'GET', url: '/api/actions', headers })).statusCode).toBe(200);

    const without = await login('second.factor@example.org', PASSWORD);
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    // The code used at set-up cannot be used again (one use per time step).
    expect((await login('second.factor@example.org', PASSWORD, currentTotp(secret))).json().error?.code).toBe(
      'TOTP_INVALID',
    );
    const next = currentTotp(secret, Date.now() + 30_000);
    const withCode = await login('second.factor@example.org', PASSWORD, next);
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().twoFactor).toEqual({ enabled: true, enrolmentRequired: false });

    const recovery = codes[0] ?? '';
    expect((await login('second.factor@example.org', PASSWORD, recovery)).statusCode).toBe(200);
    expect((await login('second.factor@example.org', PASSWORD, recovery)).json().error.code).toBe(
      'TOTP_INVALID',
    );
  });
});

describe('password reset by e-mail', () => {
  const requestReset = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
  const confirmReset = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
  async function mailedToken(email: string): Promise<string> {
    const [mail] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipient, email), like(mailOutbox.body, '%reset-password%')))
      .orderBy(mailOutbox.createdAt);
    const token = /#token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
    if (!token) throw new Error('no reset mail');
    return token;
  }

  it('mails a single-use link, answers the same for unknown addresses, and stores only a digest', async () => {
    await newAccount('forgetful@example.org', 'expert');
    const session = headersOf(await login('forgetful@example.org', PASSWORD));
    expect((await requestReset('forgetful@example.org')).statusCode).toBe(202);
    expect((await requestReset('nobody.here@example.org')).statusCode).toBe(202);
    const token = await mailedToken('forgetful@example.org');
    const stored = await t.database.db.select().from(passwordResets);
    expect(stored.some((r) => r.id === token)).toBe(false);

    expect((await confirmReset(token, 'password1234')).json().error.details[0].field).toBe('password');
    expect((await confirmReset(token, 'a brand new passphrase')).statusCode).toBe(204);
    const again = await confirmReset(token, 'another new passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('RESET_TOKEN_INVALID');
    // The sessions of the account ended; the new password works.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(
      401,
    );
    expect((await login('forgetful@example.org', 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    await newAccount('late@example.org', 'expert');
    await requestReset('late@example.org');
    const token = await mailedToken('late@example.org');
    await t.database.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await confirmReset(token, 'a brand new passphrase')).json().error.code).toBe(
      'RESET_TOKEN_INVALID',
    );
  });

  it('never bypasses two-factor sign-in', async () => {
    await newAccount('guarded@example.org', 'steering');
    const headers = headersOf(await login('guarded@example.org', PASSWORD));
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers,
      payload: { code: currentTotp(secret) },
    });
    await requestReset('guarded@example.org');
    expect(
      (await confirmReset(await mailedToken('guarded@example.org'), 'a brand new passphrase')).statusCode,
    ).toBe(204);
    const after = await login('guarded@example.org', 'a brand new passphrase');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('TOTP_REQUIRED');
  });
});

describe('sessions', () => {
  it('lists and ends one’s own sessions; another user’s session is not found', async () => {
    const a = await t.signIn('expert@demo.tandem.test');
    const b = await t.signIn('expert@demo.tandem.test');
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: a });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current);

    const stranger = await t.signIn('partner.peru@demo.tandem.test');
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other?.id}`,
      headers: stranger,
    });
    expect(refused.statusCode).toBe(404);
    const forbidden = await t.app.inject({
      method: 'GET',
      url: `/api/auth/sessions?userId=${(await userRow('expert@demo.tandem.test'))?.id}`,
      headers: stranger,
    });
    expect(forbidden.statusCode).toBe(403);

    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other?.id}`,
      headers: a,
    });
    expect(ended.statusCode).toBe(204);
    const states = await Promise.all(
      [a, b].map((h) =>
        t.app.inject({ method: 'GET', url: '/api/auth/me', headers: h }).then((r) => r.statusCode),
      ),
    );
    expect(states.sort()).toEqual([200, 401]);
  });

  it("lets an admin end anyone's session, and disabling an account ends its sessions at once", async () => {
    const admin = await t.signIn('admin@demo.tandem.test');
    const partner = await t.signIn('partner.jordan@demo.tandem.test');
    const partnerId = (await userRow('partner.jordan@demo.tandem.test'))?.id;
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/auth/sessions?userId=${partnerId}`,
      headers: admin,
    });
    const [one] = list.json().items as { id: string }[];
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${one?.id}`, headers: admin }))
        .statusCode,
    ).toBe(204);

    const again = await t.signIn('partner.jordan@demo.tandem.test');
    expect(partner.cookie).not.toBe(again.cookie);
    const notAdmin = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${partnerId}/disable`,
      headers: again,
    });
    expect(notAdmin.statusCode).toBe(403);
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${partnerId}/disable`,
      headers: admin,
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: again })).statusCode).toBe(401);
    expect((await login('partner.jordan@demo.tandem.test', 'tandem-demo-password')).statusCode).toBe(401);
  });
});
