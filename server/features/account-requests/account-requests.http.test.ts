import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../kernel/audit/audit.table.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { ACCOUNT_REQUESTS_PER_HOUR } from './account-requests.limits.ts';
import { accountRequests } from './account-requests.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const valid = {
  name: 'Amina Demo-Requester',
  email: 'Amina.Requester@example.org',
  institution: 'National Agency against Trafficking in Persons (demo)',
  position: 'Head of international cooperation',
  country: 'NG',
  message: 'We would like peer support to draft standard operating procedures for our shelters.',
  consent: true,
};

// Each test sends from its own address, so that the rate limit of one does not bleed into another.
let address = 10;
const send = (payload: unknown, headers: Record<string, string> = {}, ip = `203.0.113.${address++}`) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/account-requests',
    payload: payload as object,
    headers,
    remoteAddress: ip,
  });

describe('POST /api/public/account-requests', () => {
  it('stores a valid request, in the reader’s language, and audits it without personal data', async () => {
    const response = await send(valid, { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(201);
    const { id, receivedAt } = response.json();
    expect(Object.keys(response.json()).sort()).toEqual(['id', 'receivedAt']);
    expect(Number.isNaN(Date.parse(receivedAt))).toBe(false);
    const [row] = await t.database.db.select().from(accountRequests).where(eq(accountRequests.id, id));
    expect(row).toMatchObject({
      name: valid.name,
      email: 'amina.requester@example.org',
      institution: valid.institution,
      countryCode: 'NG',
      language: 'fr',
    });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'account_request'), eq(auditEvents.entityId, id)));
    expect(audit?.event).toBe('account_request.create');
    expect(audit?.actorId).toBeNull();
    expect(JSON.stringify(audit?.changes)).not.toContain(valid.email.toLowerCase());
    expect(JSON.stringify(audit?.changes)).not.toContain(valid.name);
  });

  it('refuses bad input field by field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, name: ' ' }, 'name'],
      [{ ...valid, email: 'not-an-address' }, 'email'],
      [{ ...valid, institution: '' }, 'institution'],
      [{ ...valid, country: 'Nigeria' }, 'country'],
      [{ ...valid, message: 'Too short' }, 'message'],
      [{ ...valid, message: 'x'.repeat(2001) }, 'message'],
      [{ ...valid, consent: false }, 'consent'],
      [{ ...valid, admin: true }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await send(payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.code, field).toBe('VALIDATION_FAILED');
      const fields = response.json().error.details.map((d: { field: string }) => d.field);
      expect(
        fields.some((f: string) => f === field || (field === 'body' && f.length > 0)),
        field,
      ).toBe(true);
    }
    const { consent: _c, ...withoutConsent } = valid;
    expect((await send(withoutConsent)).statusCode).toBe(400);
  });

  it('refuses a country code the facility does not know, naming the field', async () => {
    const response = await send({ ...valid, country: 'ZZ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'country', message: 'is not a known country code' },
    ]);
  });

  it('limits how many requests one address sends in an hour', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < ACCOUNT_REQUESTS_PER_HOUR; i++)
      expect((await send(valid, {}, ip)).statusCode).toBe(201);
    const limited = await send(valid, {}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await send(valid, {}, '198.51.100.8')).statusCode).toBe(201);
  });

  it('needs the CSRF token when a signed-in person sends one', async () => {
    const partner = await t.signIn('partner.ghana@demo.tandem.test');
    expect((await send(valid, { cookie: partner.cookie })).statusCode).toBe(403);
    expect((await send(valid, partner)).statusCode).toBe(201);
  });
});

describe('GET /api/admin/account-requests', () => {
  it('lists the requests, newest first, to administrators only', async () => {
    await send({ ...valid, institution: 'Latest institution (demo)' });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/account-requests' })).statusCode).toBe(401);
    for (const email of ['officer@demo.tandem.test', 'partner.ghana@demo.tandem.test']) {
      const other = await t.signIn(email);
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/admin/account-requests',
        headers: { cookie: other.cookie },
      });
      expect(response.statusCode, email).toBe(403);
    }
    const admin = await t.signIn('admin@demo.tandem.test');
    const page = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/account-requests?pageSize=2',
        headers: { cookie: admin.cookie },
      })
    ).json();
    expect(page.total).toBeGreaterThan(2);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      institution: 'Latest institution (demo)',
      country: 'NG',
      language: 'en',
    });
    expect(page.items[0].email).toBe('amina.requester@example.org');
  });

  it('refuses unknown query parameters', async () => {
    const admin = await t.signIn('admin@demo.tandem.test');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/account-requests?status=new',
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(400);
  });
});
