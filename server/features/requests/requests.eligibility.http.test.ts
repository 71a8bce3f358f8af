import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from './requests.contract.ts';
import {
  call,
  completeDraft,
  createDraft,
  demoRequest,
  demoTitles,
  type Sessions,
  signInAll,
} from './requests.test-support.ts';

let t: TestApp;
let as: Sessions;
let institution: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  as = await signInAll(t);
  const options = (await call(t, as.officer, 'GET', '/api/requests/form-options')).json();
  institution = Object.fromEntries(
    options.institutions.map((i: { id: string; acronym: string | null; name: string }) => [
      i.acronym ?? i.name,
      i.id,
    ]),
  );
});
afterAll(() => t.close());

/** Enters and submits a request as an officer, and answers the rules' results by rule. */
async function submitted(body: Record<string, unknown>) {
  const draft = await createDraft(t, as.officer, { ...completeDraft, channel: 'email', ...body });
  const response = await call(t, as.officer, 'POST', `/api/requests/${draft.id}/submit`);
  expect(response.statusCode).toBe(200);
  const detail = response.json() as RequestDetail;
  return Object.fromEntries((detail.eligibility ?? []).map((r) => [r.rule, r]));
}

describe('eligibility screening on submission', () => {
  it('passes a public institution of an eligible country on a topic within the mandate', async () => {
    const rules = await submitted({
      requestingInstitutionId: institution.NEA,
      countries: ['KE'],
      topics: ['data'],
    });
    expect(rules.country).toMatchObject({
      outcome: 'pass',
      code: 'country.all_eligible',
      params: { countries: ['KE'] },
    });
    expect(rules.institution).toMatchObject({ outcome: 'pass', code: 'institution.public' });
    expect(rules.topic).toMatchObject({ outcome: 'pass' });
    expect(rules.overlap).toMatchObject({ outcome: 'pass', code: 'overlap.none' });
    expect(rules.history).toMatchObject({ outcome: 'pass', params: { actions: ['Kenya I'] } });
  });

  it('fails a country outside the mandate and warns when only some are outside', async () => {
    const outside = await submitted({
      requestingInstitutionId: institution.NEA,
      countries: ['FR'],
      topics: ['data'],
    });
    expect(outside.country).toMatchObject({
      outcome: 'fail',
      code: 'country.none_eligible',
      params: { countries: ['FR'] },
    });
    const mixed = await submitted({
      requestingInstitutionId: institution.NEA,
      countries: ['KE', 'FR'],
      topics: ['data'],
    });
    expect(mixed.country).toMatchObject({
      outcome: 'warning',
      params: { countries: ['KE'], outside: ['FR'] },
    });
    expect(mixed.country?.reason).toContain('FR');
  });

  it('fails civil society alone, and passes it jointly with a public institution', async () => {
    const cso = 'Colectivo Ejemplo por los Derechos de las Personas Migrantes (demo)';
    const alone = await submitted({
      requestingInstitutionId: institution[cso],
      countries: ['PE'],
      topics: ['labour'],
    });
    expect(alone.institution).toMatchObject({ outcome: 'fail', code: 'institution.civil_society_alone' });
    const joint = await submitted({
      requestingInstitutionId: institution[cso],
      jointInstitutionIds: [institution.PNP],
      countries: ['PE'],
      topics: ['labour'],
    });
    expect(joint.institution).toMatchObject({
      outcome: 'pass',
      code: 'institution.joint_with_public',
      params: { joint: ['Policía Nacional del Perú'] },
    });
  });

  it('names the ongoing Action and the open request that overlap', async () => {
    const rules = await submitted({
      requestingInstitutionId: institution.GIS,
      countries: ['GH'],
      topics: ['thb', 'border'],
    });
    expect(rules.overlap?.outcome).toBe('warning');
    expect(rules.overlap?.params.actions).toContain('Ghana III');
    expect(rules.overlap?.params.requests).toEqual([expect.stringContaining(demoTitles.ghanaClarification)]);
    expect(rules.overlap?.reason).toContain('Ghana III');
  });

  it('shows the institution’s history: Peru’s third request shows Peru I and II', async () => {
    const third = await demoRequest(t, as.officer, demoTitles.peruApproved);
    const detail = (await call(t, as.officer, 'GET', `/api/requests/${third.id}`)).json() as RequestDetail;
    const history = detail.eligibility?.find((r) => r.rule === 'history');
    expect(history?.params.actions).toEqual(['Peru I', 'Peru II']);
    // A new request of the Ministry shows the whole history, Peru III and the request it came from included.
    const next = await submitted({
      requestingInstitutionId: institution.MININTER,
      countries: ['PE'],
      topics: ['policy'],
    });
    expect(next.history?.params.actions).toEqual(['Peru I', 'Peru II', 'Peru III']);
    expect(next.history?.params.requests?.[0]).toContain(demoTitles.peruApproved);
  });

  it('fails a topic outside the mandate once an administrator narrows it', async () => {
    const current = await call(t, as.admin, 'GET', '/api/admin/eligibility');
    expect(current.statusCode).toBe(200);
    const settings = current.json();
    expect(settings.regions).not.toContain('eu');
    const narrowed = await call(
      t,
      as.admin,
      'PUT',
      '/api/admin/eligibility',
      { regions: settings.regions, countries: ['FR'], excludedCountries: ['KE'], topics: ['thb', 'som'] },
      { 'if-match': current.headers.etag as string },
    );
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json().version).toBe(settings.version + 1);
    const rules = await submitted({
      requestingInstitutionId: institution.NEA,
      countries: ['KE', 'FR'],
      topics: ['labour', 'thb'],
    });
    expect(rules.topic).toMatchObject({
      outcome: 'warning',
      params: { topics: ['thb'], outside: ['labour'] },
    });
    expect(rules.country).toMatchObject({
      outcome: 'warning',
      params: { countries: ['FR'], outside: ['KE'] },
    });
    const none = await submitted({
      requestingInstitutionId: institution.NEA,
      countries: ['FR'],
      topics: ['labour'],
    });
    expect(none.topic).toMatchObject({ outcome: 'fail', code: 'topic.none_within' });
  });
});

describe('the eligibility settings', () => {
  it('are edited by administrators only, with If-Match, and checked against the taxonomies', async () => {
    const current = await call(t, as.officer, 'GET', '/api/admin/eligibility');
    expect(current.statusCode).toBe(200);
    const body = { regions: ['africa'], countries: [], excludedCountries: [], topics: ['thb'] };
    const officer = await call(t, as.officer, 'PUT', '/api/admin/eligibility', body, {
      'if-match': current.headers.etag as string,
    });
    expect(officer.statusCode).toBe(403);
    expect((await call(t, as.ghana, 'GET', '/api/admin/eligibility')).statusCode).toBe(403);
    expect((await call(t, as.admin, 'PUT', '/api/admin/eligibility', body)).statusCode).toBe(428);
    const stale = await call(t, as.admin, 'PUT', '/api/admin/eligibility', body, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    const unknown = await call(
      t,
      as.admin,
      'PUT',
      '/api/admin/eligibility',
      { ...body, regions: ['atlantis'] },
      {
        'if-match': current.headers.etag as string,
      },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toEqual({ field: 'regions', message: 'atlantis does not exist' });
  });
});
