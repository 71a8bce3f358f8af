import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from './requests.contract.ts';
import {
  assess,
  call,
  completeDraft,
  createDraft,
  demoRequest,
  demoTitles,
  move,
  type Sessions,
  signInAll,
  walk,
} from './requests.test-support.ts';

let t: TestApp;
let as: Sessions;

beforeAll(async () => {
  t = await createTestApp();
  as = await signInAll(t);
});
afterAll(() => t.close());

/** A request of the given partner brought to approval. */
async function approved(who: 'peru' | 'ghana' | 'officer', body: Record<string, unknown>) {
  const draft = await createDraft(t, as[who], { ...completeDraft, ...body });
  let current = await walk(t, draft.id, [
    [as[who], 'submit'],
    [as.officer, 'start-screening'],
  ]);
  current = await assess(t, as.officer, current);
  return walk(t, current.id, [
    [as.officer, 'send-to-steering'],
    [as.steering, 'approve', { reason: 'Approved.' }],
  ]) as Promise<RequestDetail>;
}

describe('POST /api/requests/:id/create-action', () => {
  it('makes Peru IV, in design, with the request’s institutions, countries, topics and text, linked both ways', async () => {
    const request = await approved('peru', {
      title: 'Migración laboral segura',
      language: 'es',
      countries: ['PE'],
      topics: ['labour', 'thb'],
      problem: 'El problema.',
      expectedChange: 'El cambio.',
    });
    const response = await move(t, as.officer, request.id, 'create-action');
    expect(response.statusCode).toBe(201);
    const action = response.json();
    expect(action).toMatchObject({ name: 'Peru IV', code: 'peru-iv' });

    const detail = (
      await call(t, as.officer, 'GET', `/api/actions/${action.id}`, undefined, { 'accept-language': 'es' })
    ).json();
    expect(detail).toMatchObject({
      name: 'Peru IV',
      status: 'design',
      title: 'Migración laboral segura',
      countries: ['PE'],
      requestId: request.id,
    });
    expect(detail.summary).toBe('El problema.\n\nEl cambio.');
    expect(detail.topics.sort()).toEqual(['labour', 'thb']);
    expect(detail.institutions).toEqual(
      expect.arrayContaining([expect.objectContaining({ acronym: 'MININTER', role: 'requesting' })]),
    );
    const after = (await call(t, as.peru, 'GET', `/api/requests/${request.id}`)).json() as RequestDetail;
    expect(after.action).toEqual({ id: action.id, name: 'Peru IV', status: 'design' });
    expect(after.allowed).not.toContain('create-action');

    // The partner finds it among its Actions.
    const mine = (await call(t, as.peru, 'GET', '/api/actions?pageSize=100')).json();
    expect(mine.items.map((a: { name: string }) => a.name)).toContain('Peru IV');
  });

  it('continues the demo: the approved Mozambique request becomes Mozambique II', async () => {
    const request = await demoRequest(t, as.officer, demoTitles.mozambiqueApproved);
    const response = await move(t, as.officer, request.id, 'create-action');
    expect(response.json().name).toBe('Mozambique II');
  });

  it('names a regional network’s Action by the network', async () => {
    const options = (await call(t, as.officer, 'GET', '/api/requests/form-options')).json();
    const aiamp = options.institutions.find((i: { acronym: string }) => i.acronym === 'AIAMP').id;
    const request = await approved('officer', {
      requestingInstitutionId: aiamp,
      channel: 'email',
      countries: ['PE', 'CO', 'ES'],
      topics: ['thb'],
    });
    const response = await move(t, as.officer, request.id, 'create-action');
    expect(response.json().name).toBe('IberRed II');
  });

  it('is for officers, once, and only for an approved request', async () => {
    const inReview = await demoRequest(t, as.officer, demoTitles.jordanSteering);
    const early = await move(t, as.officer, inReview.id, 'create-action');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REQUEST_NOT_APPROVED');
    const declined = await demoRequest(t, as.officer, demoTitles.declined);
    expect((await move(t, as.officer, declined.id, 'create-action')).json().error.code).toBe(
      'REQUEST_NOT_APPROVED',
    );

    const request = await approved('ghana', {});
    for (const who of ['ghana', 'steering'] as const) {
      const response = await move(t, as[who], request.id, 'create-action');
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('REQUEST_SCREENING_IS_FOR_OFFICERS');
    }
    const first = await move(t, as.officer, request.id, 'create-action');
    expect(first.json().name).toBe('Ghana IV');
    const again = await move(t, as.officer, request.id, 'create-action');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REQUEST_ACTION_ALREADY_CREATED');
    const ghanaActions = (await call(t, as.officer, 'GET', '/api/actions?q=Ghana&pageSize=100')).json();
    expect(ghanaActions.items.filter((a: { name: string }) => a.name === 'Ghana IV')).toHaveLength(1);
  });

  it('links Peru III to the request it came from', async () => {
    const request = await demoRequest(t, as.officer, demoTitles.peruApproved);
    expect(request.action?.name).toBe('Peru III');
    const peruIii = (await call(t, as.officer, 'GET', `/api/actions/${request.action?.id}`)).json();
    expect(peruIii.requestId).toBe(request.id);
  });
});

describe('attachments', () => {
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );

  function multipart(fileName: string, bytes: Buffer, fields: Record<string, string> = {}) {
    const boundary = '----tandem-test-boundary';
    const parts = [
      ...Object.entries(fields).map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ];
    return {
      payload: Buffer.concat([Buffer.from(parts.join('')), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  async function upload(who: keyof Sessions, id: string, fileName: string, bytes: Buffer, fields = {}) {
    const body = multipart(fileName, bytes, fields);
    return t.app.inject({
      method: 'POST',
      url: `/api/requests/${id}/attachments`,
      headers: { ...as[who], ...body.headers },
      payload: body.payload,
    });
  }

  it('takes a PDF and an image, lists them, and serves them back as downloads to those who see the request', async () => {
    const draft = await createDraft(t, as.ghana);
    const sent = await upload('ghana', draft.id, 'concept note.pdf', pdf);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      name: 'concept note.pdf',
      mediaType: 'application/pdf',
      kind: 'attachment',
    });
    expect((await upload('ghana', draft.id, 'photo.png', png)).statusCode).toBe(201);
    const detail = (await call(t, as.ghana, 'GET', `/api/requests/${draft.id}`)).json() as RequestDetail;
    expect(detail.attachments.map((a) => a.name)).toEqual(['concept note.pdf', 'photo.png']);

    const url = `/api/requests/${draft.id}/attachments/${sent.json().id}`;
    const download = await call(t, as.officer, 'GET', url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await call(t, as.jordan, 'GET', url)).statusCode).toBe(404);
  });

  it('refuses a file named .pdf that is not a PDF, saying so', async () => {
    const draft = await createDraft(t, as.ghana);
    const response = await upload(
      'ghana',
      draft.id,
      'letter.pdf',
      Buffer.from('MZ this is a program, not a letter'),
    );
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain('letter.pdf');
    expect(response.json().error.message).toMatch(/not accepted/);
    expect((await call(t, as.ghana, 'GET', `/api/requests/${draft.id}`)).json().attachments).toEqual([]);
  });

  it('lets an officer attach the original letter, not the partner; nobody attaches to a decided request', async () => {
    const draft = await createDraft(t, as.ghana);
    const partner = await upload('ghana', draft.id, 'letter.pdf', pdf, { kind: 'original' });
    expect(partner.statusCode).toBe(403);
    const officer = await upload('officer', draft.id, 'letter.pdf', pdf, { kind: 'original' });
    expect(officer.json().kind).toBe('original');
    const declined = await demoRequest(t, as.officer, demoTitles.declined);
    const late = await upload('officer', declined.id, 'late.pdf', pdf);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REQUEST_ALREADY_DECIDED');
    const other = await upload('jordan', draft.id, 'x.pdf', pdf);
    expect(other.statusCode).toBe(404);
  });

  it('removes an attachment while the request may be changed', async () => {
    const draft = await createDraft(t, as.ghana);
    const sent = (await upload('ghana', draft.id, 'a.pdf', pdf)).json();
    const removed = await call(t, as.ghana, 'DELETE', `/api/requests/${draft.id}/attachments/${sent.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(t, as.ghana, 'GET', `/api/requests/${draft.id}`)).json().attachments).toEqual([]);
  });
});
