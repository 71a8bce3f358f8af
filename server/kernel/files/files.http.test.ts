import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../features/requests/requests.attachments.ts';
import { call, completeDraft, createDraft } from '../../features/requests/requests.test-support.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { storedFiles } from './files.table.ts';

// The promises about files, proven through one feature that takes uploads (request attachments).
let t: TestApp;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let officer: SignedInHeaders;
beforeAll(async () => {
  t = await createTestApp();
  ghana = await t.signIn('partner.ghana@demo.tandem.test');
  jordan = await t.signIn('partner.jordan@demo.tandem.test');
  officer = await t.signIn('officer@demo.tandem.test');
});
afterAll(() => t.close());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

async function upload(as: SignedInHeaders, requestId: string, name: string, bytes: Buffer, type?: string) {
  const body = multipartBody({}, { name, bytes, ...(type ? { type } : {}) });
  return t.app.inject({
    method: 'POST',
    url: `/api/requests/${requestId}/attachments`,
    headers: { ...as, ...body.headers },
    payload: body.payload,
  });
}

describe('uploaded files', () => {
  it('refuses a file over the size limit with 413, and stores nothing', async () => {
    const draft = await createDraft(t, ghana, completeDraft);
    const big = Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20)]);
    const response = await upload(ghana, draft.id, 'big.pdf', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await call(t, ghana, 'GET', `/api/requests/${draft.id}`)).json().attachments).toEqual([]);
  });

  it('checks the content, not the name or the claimed type: HTML sent as a PDF is refused', async () => {
    const draft = await createDraft(t, ghana, completeDraft);
    const response = await upload(ghana, draft.id, 'letter.pdf', html, 'application/pdf');
    expect(response.statusCode).toBe(415);
  });

  it('stores the bytes outside the web root under a generated name, never the uploaded one', async () => {
    const draft = await createDraft(t, ghana, completeDraft);
    const sent = await upload(ghana, draft.id, '../../web/dist/evil.pdf', pdf);
    expect(sent.statusCode).toBe(201);
    expect(sent.json().name).toBe('evil.pdf');
    const [mine] = await t.database.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.originalName, 'evil.pdf'));
    expect(mine?.storageKey).toMatch(/^[0-9a-f-]{36}$/);
    const filesDir = inject('filesDir');
    const onDisk = path.join(filesDir, mine?.storageKey.slice(0, 2) ?? '', mine?.storageKey ?? '');
    expect(statSync(onDisk).size).toBe(pdf.length);
    // Nothing named after the upload anywhere in the storage, and the storage is not the web app's folder.
    const names = readdirSync(filesDir, { recursive: true }).map(String);
    expect(names.some((n) => n.includes('evil'))).toBe(false);
    expect(path.resolve(filesDir).startsWith(path.resolve('web'))).toBe(false);
    expect(existsSync(path.resolve('web/dist/evil.pdf'))).toBe(false);
  });

  it('serves a file as an attachment with nosniff and no caching, after checking the caller may see it', async () => {
    const draft = await createDraft(t, ghana, completeDraft);
    const sent = await upload(ghana, draft.id, 'concept note.pdf', pdf);
    const url = `/api/requests/${draft.id}/attachments/${sent.json().id}`;
    const download = await call(t, officer, 'GET', url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="concept note\.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toMatch(/no-store/);
    expect(download.headers['content-type']).toBe('application/pdf');
    // Another institution's partner and an anonymous caller get nothing.
    expect((await call(t, jordan, 'GET', url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
