import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../demo/demo-pdf.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { caller } from '../../test/requests.ts';
import type { ExpertListItem } from './experts.contract.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let steering: SignedInHeaders;
let ghana: SignedInHeaders;
let expert: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [officer, steering, ghana, expert] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
    t.signIn('expert@demo.tandem.test'),
  ]);
});
afterAll(() => t.close());

const newExpert = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Paula Exemplo-Teste',
  gender: 'female',
  email: 'paula@experts.demo.tandem.test',
  phone: '+00 0000 9999',
  administration: 'Judicial Police',
  countryCode: 'PT',
  nationality: 'PT',
  publicSectorStatus: 'serving',
  nominatedBy: 'Demo focal point, PT',
  languages: [
    { language: 'pt', level: 'native' },
    { language: 'en', level: 'fluent' },
  ],
  topics: ['thb'],
  skills: ['investigation'],
  experienceCountries: ['AO'],
  experienceRegions: ['africa'],
  availability: [{ startDate: '2027-01-01', endDate: '2027-12-31' }],
  ...overrides,
});

describe('the roster', () => {
  it('holds about forty experts, a third from outside the EU, women and men in balance', async () => {
    const { items, total } = (await call(officer, 'GET', '/api/experts?pageSize=200')).json();
    expect(total).toBe(40);
    const women = items.filter((e: ExpertListItem) => e.gender === 'female').length;
    expect(women).toBe(20);
    const eu = new Set([
      'SE',
      'DE',
      'FR',
      'NL',
      'ES',
      'PT',
      'IT',
      'PL',
      'CZ',
      'FI',
      'DK',
      'GR',
      'RO',
      'LT',
      'EE',
      'HU',
      'HR',
      'IE',
      'SK',
      'SI',
      'LV',
      'BE',
      'AT',
      'MT',
    ]);
    const outside = items.filter((e: ExpertListItem) => !eu.has(e.countryCode)).length;
    expect(outside).toBeGreaterThanOrEqual(12);
    expect(outside).toBeLessThanOrEqual(15);
  });

  it('filters by topic, language, country, skill and gender', async () => {
    const get = async (query: string) =>
      (await call(officer, 'GET', `/api/experts?${query}&pageSize=200`)).json().items;
    for (const e of await get('topic=som')) expect(e.topics).toContain('som');
    for (const e of await get('language=ar'))
      expect(e.languages.map((l: { language: string }) => l.language)).toContain('ar');
    expect((await get('country=SE')).map((e: ExpertListItem) => e.fullName).sort()).toEqual([
      'Elin Exempel',
      'Erik Expert-Demo',
    ]);
    for (const e of await get('skill=shelter_management')) expect(e.skills).toContain('shelter_management');
    expect(await get('q=Mithal')).toHaveLength(3);
    expect((await call(officer, 'GET', '/api/experts?skill=juggling')).statusCode).toBe(400);
  });

  it('shows the staff contact data, steering members everything but it', async () => {
    const erik = (await call(officer, 'GET', '/api/experts?q=Erik')).json().items[0];
    const asStaff = (await call(officer, 'GET', `/api/experts/${erik.id}`)).json();
    expect(asStaff.email).toMatch(/@experts\.demo\.tandem\.test$/);
    expect(asStaff).toMatchObject({ contactHidden: false, hasAccount: true });
    expect(asStaff.deploymentHistory.length).toBe(6);
    // The roster and the profile count the same deployments as the history lists.
    expect(erik.deployments).toBe(6);
    expect(asStaff.deployments).toBe(6);
    const asSteering = (await call(steering, 'GET', `/api/experts/${erik.id}`)).json();
    expect(asSteering).toMatchObject({ email: null, phone: null, cv: null, contactHidden: true });
    expect(asSteering.fullName).toBe('Erik Expert-Demo');
    expect(asSteering.deploymentHistory.length).toBe(6);
  });

  it('is closed to partners and experts, and to anyone signed out', async () => {
    expect((await call(ghana, 'GET', '/api/experts')).statusCode).toBe(403);
    expect((await call(expert, 'GET', '/api/experts')).statusCode).toBe(403);
    expect((await call(undefined, 'GET', '/api/experts')).statusCode).toBe(401);
    const someone = (await call(officer, 'GET', '/api/experts?pageSize=1')).json().items[0];
    expect((await call(ghana, 'GET', `/api/experts/${someone.id}`)).statusCode).toBe(403);
  });
});

describe('adding and changing an expert', () => {
  let id: string;

  it('refuses bad input and unknown codes, naming the field', async () => {
    const fields = async (body: unknown) =>
      (await call(officer, 'POST', '/api/experts', body as object))
        .json()
        .error.details.map((d: { field: string }) => d.field);
    expect(await fields(newExpert({ email: 'not-an-email' }))).toContain('email');
    expect(await fields(newExpert({ languages: [] }))).toContain('languages');
    expect(await fields(newExpert({ topics: ['cooking'] }))).toContain('topics');
    expect(await fields(newExpert({ experienceCountries: ['XX'] }))).toContain('countries');
    expect(await fields(newExpert({ accountEmail: 'officer@demo.tandem.test' }))).toContain('accountEmail');
    const taken = await call(
      officer,
      'POST',
      '/api/experts',
      newExpert({ accountEmail: 'expert@demo.tandem.test' }),
    );
    expect(taken.statusCode).toBe(409);
    expect((await call(steering, 'POST', '/api/experts', newExpert())).statusCode).toBe(403);
  });

  it('adds an expert with their languages, topics, experience and availability', async () => {
    const response = await call(officer, 'POST', '/api/experts', newExpert());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    id = created.id;
    expect(created).toMatchObject({
      fullName: 'Paula Exemplo-Teste',
      topics: ['thb'],
      experienceCountries: ['AO'],
      availability: [{ startDate: '2027-01-01', endDate: '2027-12-31' }],
      hasAccount: false,
      version: 1,
    });
    expect(created.languages).toHaveLength(2);
  });

  it('changes a profile with If-Match', async () => {
    const url = `/api/experts/${id}`;
    expect((await call(officer, 'PATCH', url, { topics: ['thb', 'som'] })).statusCode).toBe(428);
    const changed = await call(
      officer,
      'PATCH',
      url,
      { topics: ['thb', 'som'], skills: [] },
      { 'if-match': '"1"' },
    );
    expect(changed.json()).toMatchObject({ topics: ['som', 'thb'], skills: [], version: 2 });
    expect((await call(officer, 'PATCH', url, { phone: null }, { 'if-match': '"1"' })).statusCode).toBe(412);
  });

  it('keeps a CV checked by content, for the staff only', async () => {
    const url = `/api/experts/${id}/cv`;
    const image = multipartBody({}, { name: 'cv.pdf', bytes: Buffer.from('GIF89a fake image') });
    expect((await call(officer, 'POST', url, image.payload, image.headers)).statusCode).toBe(415);
    const cv = multipartBody(
      {},
      { name: 'CV Paula.pdf', bytes: demoPdf('CV', ['Investigator since 2010.']) },
    );
    const stored = await call(officer, 'POST', url, cv.payload, cv.headers);
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({ name: 'CV Paula.pdf', mediaType: 'application/pdf' });
    const download = await call(officer, 'GET', url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect((await call(steering, 'GET', url)).statusCode).toBe(403);
    const byPartner = multipartBody({}, { name: 'cv.pdf', bytes: demoPdf('CV', ['x']) });
    expect((await call(ghana, 'POST', url, byPartner.payload, byPartner.headers)).statusCode).toBe(403);
  });
});

describe('an expert who signs in', () => {
  it('sees their own assignments and no one else’s', async () => {
    const response = await call(expert, 'GET', '/api/experts/me/assignments');
    expect(response.statusCode).toBe(200);
    const { expert: me, assignments } = response.json();
    expect(me.fullName).toBe('Erik Expert-Demo');
    expect(assignments).toHaveLength(6);
    expect(new Set(assignments.map((a: { actionName: string }) => a.actionName))).toEqual(
      new Set(['Ghana III', 'Timor-Leste I']),
    );
    expect(JSON.stringify(assignments)).not.toContain('feedback');
    expect((await call(officer, 'GET', '/api/experts/me/assignments')).statusCode).toBe(403);
  });
});
