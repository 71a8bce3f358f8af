import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
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
} from '../requests/requests.test-support.ts';
import { mailOutbox } from './notifications.table.ts';

// A real SMTP server in this process receives what Tandem sends; the tests read the mails it got.
interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}
const received: ReceivedMail[] = [];
let refuseMail = false;

/** The subject and the base64 text part of a mail as nodemailer writes it. */
function parse(raw: string, to: string[]): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r\n\r\n/);
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s?/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
  const text = Buffer.from(rest.join('\r\n\r\n').replace(/\s+/g, ''), 'base64').toString('utf8');
  return { to, subject: subject.trim(), text };
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (refuseMail) return callback(new Error('451 try again later'));
      received.push(
        parse(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        ),
      );
      callback();
    });
  },
});

let t: TestApp;
let as: Sessions;
const logged: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestApp({
    config: {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'Tandem <tandem@facility.test>',
      publicUrl: 'https://tandem.facility.test',
    },
    log: (line) => logged.push(line),
  });
  as = await signInAll(t);
});
afterEach(() => {
  refuseMail = false;
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** Waits for the mails addressed to someone, as the outbox sends them after the commit. */
async function mailsTo(address: string, count = 1): Promise<ReceivedMail[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mine = received.filter((mail) => mail.to.includes(address));
    if (mine.length >= count || Date.now() > deadline) return mine;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const clear = () => received.splice(0);

describe('mails at every change of state that concerns the reader', () => {
  it('tells officers and the partner of a submission, each in their language', async () => {
    clear();
    const peruRequest = await createDraft(t, as.peru, {
      ...completeDraft,
      countries: ['PE'],
      title: 'Capacitación',
    });
    await move(t, as.peru, peruRequest.id, 'submit');
    const [toOfficer] = await mailsTo('officer@demo.tandem.test');
    expect(toOfficer?.subject).toBe(`Request ${peruRequest.number} submitted: Capacitación`);
    expect(toOfficer?.text).toContain('Patricia Partner-Peru-Demo submitted the request "Capacitación".');
    expect(toOfficer?.text).toContain(`https://tandem.facility.test/app/requests/${peruRequest.id}`);
    // The partner's mails come in Spanish, its chosen language; the one who acted gets none.
    expect(await mailsTo('partner.peru@demo.tandem.test', 0)).toEqual([]);
    await move(t, as.officer, peruRequest.id, 'start-screening');
    const [toPartner] = await mailsTo('partner.peru@demo.tandem.test');
    expect(toPartner?.subject).toBe(`La solicitud ${peruRequest.number} está en evaluación`);
  });

  it('sends the question, the decision and its reason to the partner; the steering committee hears of review', async () => {
    clear();
    const draft = await createDraft(t, as.jordan, { ...completeDraft, countries: ['JO'] });
    await walk(t, draft.id, [
      [as.jordan, 'submit'],
      [as.officer, 'start-screening'],
      [as.officer, 'ask-clarification', { question: 'Which shelters?' }],
    ]);
    const [question] = await mailsTo('partner.jordan@demo.tandem.test', 2).then((mails) =>
      mails.filter((m) => m.text.includes('Which shelters?')),
    );
    // Jordan's focal point reads Arabic.
    expect(question?.subject).toBe(`الطلب ${draft.number}: سؤال من المرفق`);
    expect(question?.text).toContain('السبب: Which shelters?');

    let current = await walk(t, draft.id, [[as.jordan, 'resubmit', { answer: 'Amman and Zarqa.' }]]);
    current = await assess(t, as.officer, current);
    clear();
    await move(t, as.officer, draft.id, 'send-to-steering', { note: 'Internal: strong candidate.' });
    const [toSteering] = await mailsTo('steering@demo.tandem.test');
    expect(toSteering?.subject).toBe(`Request ${draft.number} is with the steering committee`);
    // The note to the committee stays internal: the partner's mail does not carry it.
    const [toPartner] = await mailsTo('partner.jordan@demo.tandem.test');
    expect(toPartner?.text).not.toContain('strong candidate');
    expect(toSteering?.text).not.toContain('strong candidate');

    clear();
    await move(t, as.steering, draft.id, 'decline', { reason: 'Covered by another donor.' });
    const [decision] = await mailsTo('partner.jordan@demo.tandem.test');
    expect(decision?.subject).toBe(`تم رفض الطلب ${draft.number}`);
    expect(decision?.text).toContain('Covered by another donor.');
    const [toOfficer] = await mailsTo('officer@demo.tandem.test');
    expect(toOfficer?.subject).toBe(`Request ${draft.number} declined`);
  });

  it('keeps a mail the SMTP server refuses and sends it later; the transition is not undone', async () => {
    clear();
    const request = await createDraft(t, as.ghana);
    await move(t, as.ghana, request.id, 'submit');
    await mailsTo('officer@demo.tandem.test');
    refuseMail = true;
    const response = await move(t, as.ghana, request.id, 'withdraw', {
      reason: 'By letter of the Director.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('withdrawn');
    await t.app.mailOutbox.flush();
    const pending = await t.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subject, `Request ${request.number} withdrawn`));
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((mail) => mail.sentAt === null && mail.attempts >= 1 && mail.lastError)).toBe(true);
    // The log names the mail and the SMTP server's code; its words stay with the mail.
    const warnings = logged
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'a mail could not be sent; it stays in the outbox');
    expect(warnings).toContainEqual(
      expect.objectContaining({ mailId: pending[0]?.id, responseCode: 450, code: 'EMESSAGE' }),
    );
    expect(pending[0]?.lastError).toContain('try again later');
    expect(JSON.stringify(warnings)).not.toContain('try again later');

    refuseMail = false;
    await t.database.db
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date() })
      .where(eq(mailOutbox.subject, `Request ${request.number} withdrawn`));
    await t.app.mailOutbox.flush();
    const sent = received.filter((mail) => mail.subject === `Request ${request.number} withdrawn`);
    expect(sent.length).toBe(pending.length);
    const after = await t.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subject, `Request ${request.number} withdrawn`));
    expect(after.every((mail) => mail.sentAt !== null)).toBe(true);
  });
});

describe('in-app notifications', () => {
  it('lists the reader’s notifications, newest first, and marks them read', async () => {
    const request = await demoRequest(t, as.officer, demoTitles.ghanaClarification);
    await call(t, as.ghana, 'POST', `/api/requests/${request.id}/messages`, { body: 'Three posts.' });
    const list = (await call(t, as.officer, 'GET', '/api/notifications?pageSize=5')).json();
    expect(list.unread).toBeGreaterThan(0);
    const newest = list.items[0];
    expect(newest).toMatchObject({
      kind: 'request.message',
      read: false,
      link: `/app/requests/${request.id}`,
      params: { number: request.number, actor: 'Paula Partner-Ghana-Demo' },
    });
    const marked = await call(t, as.officer, 'POST', `/api/notifications/${newest.id}/read`);
    expect(marked.json().unread).toBe(list.unread - 1);
    const unreadOnly = (await call(t, as.officer, 'GET', '/api/notifications?unread=true')).json();
    expect(unreadOnly.items.map((n: { id: string }) => n.id)).not.toContain(newest.id);
    expect((await call(t, as.officer, 'POST', '/api/notifications/read-all')).json().unread).toBe(0);
  });

  it('keeps each reader’s notifications to themselves', async () => {
    const officers = (await call(t, as.officer, 'GET', '/api/notifications')).json();
    const id = officers.items[0].id;
    expect((await call(t, as.ghana, 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await call(t, undefined, 'GET', '/api/notifications')).statusCode).toBe(401);
  });

  it('keeps the language of the reader’s mails', async () => {
    expect((await call(t, as.ghana, 'GET', '/api/notifications/settings')).json()).toEqual({
      language: 'en',
    });
    const saved = await call(t, as.ghana, 'PUT', '/api/notifications/settings', { language: 'fr' });
    expect(saved.json()).toEqual({ language: 'fr' });
    expect(
      (await call(t, as.ghana, 'PUT', '/api/notifications/settings', { language: 'de' })).statusCode,
    ).toBe(400);
    clear();
    const draft = await createDraft(t, as.officer, {
      ...completeDraft,
      requestingInstitutionId: (await call(t, as.ghana, 'GET', '/api/auth/me')).json().user.institution.id,
      channel: 'letter',
    });
    await move(t, as.officer, draft.id, 'submit');
    const [mail] = await mailsTo('partner.ghana@demo.tandem.test');
    expect(mail?.subject).toBe(`Demande ${draft.number} soumise : ${completeDraft.title}`);
  });
});
