import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../demo/demo-pdf.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { actionIdOf, caller } from '../../test/requests.ts';
import type { DeliverableListItem } from './deliverables.contract.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let steering: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let expert: SignedInHeaders;
let ghanaId: string;
let jordanId: string;
let timorId: string;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [officer, steering, ghana, jordan, expert] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
    t.signIn('partner.jordan@demo.tandem.test'),
    t.signIn('expert@demo.tandem.test'),
  ]);
  ghanaId = await actionIdOf(t, officer, 'Ghana III');
  jordanId = await actionIdOf(t, officer, 'Jordan I');
  timorId = await actionIdOf(t, officer, 'Timor-Leste I');
});
afterAll(() => t.close());

const listOf = async (who: SignedInHeaders, actionId: string) =>
  (await call(who, 'GET', `/api/actions/${actionId}/deliverables`)).json().items as DeliverableListItem[];
const upload = (
  id: string,
  who: SignedInHeaders,
  fields: Record<string, string>,
  bytes = demoPdf('Draft', ['Text']),
) => {
  const body = multipartBody(fields, { name: 'Module draft.pdf', bytes });
  return call(who, 'POST', `/api/deliverables/${id}/versions`, body.payload, body.headers);
};

describe('what each role sees of deliverables', () => {
  it('matches the demo: the Timor-Leste handbook published, Jordan’s SOPs in review, Ghana’s module a draft', async () => {
    const [timor] = await listOf(officer, timorId);
    expect(timor).toMatchObject({
      type: 'handbook',
      status: 'published',
      visibility: 'public',
      latestVersion: 3,
    });
    const jordanSops = (await listOf(officer, jordanId)).find(
      (d) => d.type === 'standard_operating_procedures',
    );
    expect(jordanSops?.status).toBe('partner_review');
    const module = (await listOf(officer, ghanaId)).find((d) => d.type === 'training_module');
    expect(module?.status).toBe('draft');
  });

  it('shows a partner its Actions’ deliverables except internal ones, and 404 for those', async () => {
    const staff = await listOf(officer, ghanaId);
    const internal = staff.find((d) => d.visibility === 'internal');
    expect(internal).toBeDefined();
    const partner = await listOf(ghana, ghanaId);
    expect(partner.map((d) => d.id)).not.toContain(internal?.id);
    expect(partner.length).toBe(staff.length - 1);
    expect((await call(ghana, 'GET', `/api/deliverables/${internal?.id}`)).statusCode).toBe(404);
    expect((await call(steering, 'GET', `/api/deliverables/${internal?.id}`)).statusCode).toBe(200);
    expect((await call(jordan, 'GET', `/api/deliverables/${staff[0]?.id}`)).statusCode).toBe(404);
  });

  it('shows an expert the deliverables they work on, and nothing else', async () => {
    const mine = (await call(expert, 'GET', '/api/deliverables')).json().items as DeliverableListItem[];
    expect(mine.map((d) => d.title).sort()).toEqual([
      'Needs-assessment report (internal)',
      'Training handbook on investigating trafficking in human beings and preparing cases',
      'Training module on THB: detection, investigation and referral of victims',
    ]);
    const sops = (await listOf(officer, jordanId))[0];
    expect((await call(expert, 'GET', `/api/deliverables/${sops?.id}`)).statusCode).toBe(404);
  });

  it('serves a version’s file as a download after the access check', async () => {
    const [handbook] = await listOf(officer, timorId);
    const url = `/api/deliverables/${handbook?.id}/versions/3/file`;
    const download = await call(officer, 'GET', url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(ghana, 'GET', url)).statusCode).toBe(404);
    expect((await call(officer, 'GET', `/api/deliverables/${handbook?.id}/versions/9/file`)).statusCode).toBe(
      404,
    );
  });
});

describe('a deliverable from draft to publication', () => {
  let id: string;

  it('is created by the staff as a draft, with the experts who work on it', async () => {
    const roster = (await call(officer, 'GET', '/api/experts?q=Erik')).json().items;
    const input = {
      type: 'practical_notes',
      title: 'Aide-mémoire on referral for officers at entry points',
      languages: ['en'],
      visibility: 'partner',
      expertIds: [roster[0].id],
    };
    expect((await call(ghana, 'POST', `/api/actions/${ghanaId}/deliverables`, input)).statusCode).toBe(403);
    const bad = await call(officer, 'POST', `/api/actions/${ghanaId}/deliverables`, {
      ...input,
      type: 'poem',
    });
    expect(bad.json().error.details[0].field).toBe('type');
    const response = await call(officer, 'POST', `/api/actions/${ghanaId}/deliverables`, input);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'draft',
      latestVersion: null,
      experts: [{ fullName: 'Erik Expert-Demo' }],
    });
    id = response.json().id;
    expect((await call(ghana, 'GET', `/api/deliverables/${id}`)).json().experts).toEqual([]);
  });

  it('cannot go to review without a file', async () => {
    const response = await call(officer, 'POST', `/api/deliverables/${id}/submit-for-review`);
    expect(response.json().error.code).toBe('DELIVERABLE_HAS_NO_VERSION');
  });

  it('takes versions from its expert, checked by content, each with a change note', async () => {
    const fake = await upload(id, expert, { changeNote: 'x' }, Buffer.from('#!/bin/sh\necho not a pdf'));
    expect(fake.statusCode).toBe(415);
    const noNote = await upload(id, expert, {});
    expect(noNote.json().error.details[0].field).toBe('changeNote');
    expect((await upload(id, ghana, { changeNote: 'x' })).statusCode).toBe(403);
    const first = await upload(id, expert, { changeNote: 'First draft', language: 'en' });
    expect(first.statusCode).toBe(201);
    expect(first.headers.location).toBe(`/api/deliverables/${id}/versions/1/file`);
    const second = await upload(id, officer, { changeNote: 'Referral contacts added' });
    expect(
      second.json().versions.map((v: { number: number; changeNote: string }) => [v.number, v.changeNote]),
    ).toEqual([
      [1, 'First draft'],
      [2, 'Referral contacts added'],
    ]);
  });

  it('goes to the partner, who comments and validates; the staff cannot validate for it', async () => {
    expect((await call(ghana, 'POST', `/api/deliverables/${id}/submit-for-review`)).statusCode).toBe(403);
    const submitted = await call(expert, 'POST', `/api/deliverables/${id}/submit-for-review`);
    expect(submitted.json().status).toBe('partner_review');
    const comment = await call(ghana, 'POST', `/api/deliverables/${id}/comments`, {
      body: 'Add the hotline number.',
      versionNumber: 2,
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().comments.at(-1)).toMatchObject({ authorRole: 'partner', versionNumber: 2 });
    expect((await call(steering, 'POST', `/api/deliverables/${id}/comments`, { body: 'x' })).statusCode).toBe(
      403,
    );
    expect((await call(officer, 'POST', `/api/deliverables/${id}/validate`)).statusCode).toBe(403);
    expect((await call(jordan, 'POST', `/api/deliverables/${id}/validate`)).statusCode).toBe(404);
    const back = await call(ghana, 'POST', `/api/deliverables/${id}/request-changes`, {
      reason: 'Hotline missing',
    });
    expect(back.json().status).toBe('draft');
    await upload(id, officer, { changeNote: 'Hotline added' });
    await call(officer, 'POST', `/api/deliverables/${id}/submit-for-review`);
    const validated = await call(ghana, 'POST', `/api/deliverables/${id}/validate`);
    expect(validated.json()).toMatchObject({ status: 'validated', latestVersion: 3 });
    expect(validated.json().validatedAt).not.toBeNull();
  });

  it('takes no new version once validated, and is published by the staff only', async () => {
    expect((await upload(id, officer, { changeNote: 'late' })).json().error.code).toBe('DELIVERABLE_LOCKED');
    expect((await call(ghana, 'POST', `/api/deliverables/${id}/publish`)).statusCode).toBe(403);
    const published = await call(officer, 'POST', `/api/deliverables/${id}/publish`);
    expect(published.json().status).toBe('published');
    expect((await call(officer, 'POST', `/api/deliverables/${id}/publish`)).json().error.code).toBe(
      'DELIVERABLE_TRANSITION_NOT_ALLOWED',
    );
    const edit = await call(
      officer,
      'PATCH',
      `/api/deliverables/${id}`,
      { visibility: 'public' },
      { 'if-match': `"${published.json().version}"` },
    );
    expect(edit.json().error.code).toBe('DELIVERABLE_LOCKED');
  });
});

describe('changing a deliverable', () => {
  it('uses If-Match, and an internal one is validated by the staff without partner review', async () => {
    const created = await call(officer, 'POST', `/api/actions/${jordanId}/deliverables`, {
      type: 'assessment_report',
      title: 'Mid-term review',
      languages: ['en'],
      visibility: 'internal',
    });
    const id = created.json().id;
    const url = `/api/deliverables/${id}`;
    expect((await call(officer, 'PATCH', url, { summary: 'Findings' })).statusCode).toBe(428);
    const changed = await call(officer, 'PATCH', url, { summary: 'Findings' }, { 'if-match': '"1"' });
    expect(changed.json()).toMatchObject({ summary: 'Findings', version: 2 });
    expect((await call(officer, 'PATCH', url, { summary: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call(jordan, 'GET', url)).statusCode).toBe(404);
    await upload(id, officer, { changeNote: 'Report' });
    expect((await call(officer, 'POST', `${url}/submit-for-review`)).json().error.code).toBe(
      'DELIVERABLE_TRANSITION_NOT_ALLOWED',
    );
    expect((await call(officer, 'POST', `${url}/validate`)).json().status).toBe('validated');
  });
});
