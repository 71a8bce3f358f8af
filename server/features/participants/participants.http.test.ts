import { and, eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../kernel/audit/audit.table.ts';
import { readSpreadsheet } from '../../kernel/spreadsheets/read-spreadsheet.ts';
import { writeCsv, writeXlsx } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { actionIdOf, caller } from '../../test/requests.ts';
import { institutions } from '../institutions/institutions.table.ts';
import type { ImportReport, ParticipantRegister, ParticipationItem } from './participants.contract.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let admin: SignedInHeaders;
let officer: SignedInHeaders;
let steering: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let expert: SignedInHeaders;
let pilotId: string;
let workshopId: string;
let heldWorkshopId: string;
let jordanActivityId: string;
let gisId: string;
let gpsId: string;

const activityOf = async (actionId: string, title: string) => {
  const items = (await call(officer, 'GET', `/api/actions/${actionId}/activities`)).json().items as {
    id: string;
    title: string;
  }[];
  const found = items.find((a) => a.title.startsWith(title));
  if (!found) throw new Error(`no activity ${title}`);
  return found.id;
};
const institutionId = async (acronym: string) => {
  const [row] = await t.database.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.acronym, acronym));
  if (!row) throw new Error(`no institution ${acronym}`);
  return row.id;
};
const put = (who: SignedInHeaders, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url, payload: payload as object, headers: { ...who, ...headers } });

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [admin, officer, steering, ghana, jordan, expert] = await Promise.all([
    t.signIn('admin@demo.tandem.test'),
    t.signIn('officer@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
    t.signIn('partner.jordan@demo.tandem.test'),
    t.signIn('expert@demo.tandem.test'),
  ]);
  const ghanaAction = await actionIdOf(t, officer, 'Ghana III');
  pilotId = await activityOf(ghanaAction, 'Pilot training');
  workshopId = await activityOf(ghanaAction, 'Drafting session: the training module');
  heldWorkshopId = await activityOf(ghanaAction, 'Workshop on detecting victims');
  jordanActivityId = await activityOf(await actionIdOf(t, officer, 'Jordan I'), 'Training shelter staff');
  gisId = await institutionId('GIS');
  gpsId = await institutionId('GPS');
});
afterAll(() => t.close());

const person = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Abena Owusu-Mensah',
  institutionId: gisId,
  sex: 'female',
  ageBand: '25_34',
  positionLevel: 'junior',
  position: 'Immigration officer, Aflao',
  email: 'abena.owusu@example.test',
  lawfulBasis: 'consent',
  consentTextVersion: 'v1-2026',
  consentGivenOn: '2026-11-20',
  ...overrides,
});
const register = async (who: SignedInHeaders, activityId: string, body: Record<string, unknown>) =>
  call(who, 'POST', `/api/activities/${activityId}/participants`, body);
const registerOf = async (who: SignedInHeaders, activityId: string) =>
  (await call(who, 'GET', `/api/activities/${activityId}/participants`)).json() as ParticipantRegister;
const audits = (event: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.entityId, entityId)));

describe('registering participants', () => {
  let abena: ParticipationItem;

  it('records the person with the lawful basis and who recorded it, and audits it', async () => {
    const response = await register(officer, pilotId, { role: 'participant', person: person() });
    expect(response.statusCode).toBe(201);
    abena = response.json();
    expect(abena.person).toMatchObject({
      fullName: 'Abena Owusu-Mensah',
      institutionLabel: 'GIS',
      lawfulBasis: 'consent',
      consentTextVersion: 'v1-2026',
      consentGivenOn: '2026-11-20',
      lawfulBasisRecordedBy: expect.any(String),
    });
    expect(await audits('participation.create', abena.id)).toHaveLength(1);
    const [created] = await audits('person.create', abena.person.id);
    expect(JSON.stringify(created?.changes)).not.toContain('Abena');
  });

  it('asks for the consent text version and date when the basis is consent', async () => {
    const response = await register(officer, pilotId, {
      person: person({ fullName: 'Kwame Boateng', consentTextVersion: null, consentGivenOn: null }),
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['person.consentTextVersion', 'person.consentGivenOn']));
  });

  it('answers 409 with the candidates when the name and institution match someone on record', async () => {
    const again = await register(officer, workshopId, {
      person: person({ fullName: 'ABENA  owusu mensah', email: null }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PARTICIPANT_POSSIBLE_DUPLICATE');
    expect(again.json().candidates).toEqual([
      expect.objectContaining({ id: abena.person.id, fullName: 'Abena Owusu-Mensah', activityCount: 1 }),
    ]);
    // The check alone gives the same answer.
    const check = await call(officer, 'POST', `/api/activities/${workshopId}/participants/duplicates`, {
      fullName: 'Abena Owusu Mensah',
      institutionId: gisId,
    });
    expect(check.json().candidates.map((c: { id: string }) => c.id)).toEqual([abena.person.id]);
    // The same name at another institution is someone else.
    const other = await register(officer, workshopId, { person: person({ institutionId: gpsId }) });
    expect(other.statusCode).toBe(201);
  });

  it('links the existing person when the officer says who it is: one record across activities', async () => {
    const linked = await register(officer, workshopId, {
      existingPersonId: abena.person.id,
      role: 'trainer',
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().person.id).toBe(abena.person.id);
    expect(linked.json().role).toBe('trainer');
    const twice = await register(officer, workshopId, { existingPersonId: abena.person.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PARTICIPANT_ALREADY_REGISTERED');
  });

  it('creates a new person when the officer confirms that it is someone new', async () => {
    const response = await register(officer, workshopId, {
      person: person({ fullName: 'Abena Owusu-Mensah', position: 'Another officer' }),
      confirmNew: true,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().person.id).not.toBe(abena.person.id);
  });

  it('lets the Ghana partner register its own officials only, on its own Actions', async () => {
    const own = await register(ghana, pilotId, {
      person: person({
        fullName: 'Yaw Asante',
        institutionId: null,
        institutionName: null,
        sex: 'male',
        lawfulBasis: 'public_task',
        consentTextVersion: null,
        consentGivenOn: null,
      }),
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().person.institutionId).toBe(gisId);
    const otherInstitution = await register(ghana, pilotId, {
      person: person({ fullName: 'Efua Mensah', institutionId: gpsId }),
    });
    expect(otherInstitution.statusCode).toBe(403);
    expect(
      (await register(ghana, jordanActivityId, { person: person({ fullName: 'Efua Mensah' }) })).statusCode,
    ).toBe(404);
    expect(
      (await register(steering, pilotId, { person: person({ fullName: 'Efua Mensah' }) })).statusCode,
    ).toBe(403);
  });
});

describe('who sees names', () => {
  it('staff see every name; the partner its own institution’s; steering and experts counts only', async () => {
    const staffView = await registerOf(officer, workshopId);
    expect(staffView.seesNames).toBe(true);
    expect(staffView.items.map((i) => i.person.institutionLabel).sort()).toEqual(['GIS', 'GIS', 'GPS']);
    expect(staffView.aggregate.total).toBe(3);

    const partnerView = await registerOf(ghana, workshopId);
    expect(partnerView.items.map((i) => i.person.institutionLabel)).toEqual(['GIS', 'GIS']);
    expect(partnerView.aggregate).toEqual(staffView.aggregate);

    const steeringView = await call(steering, 'GET', `/api/activities/${workshopId}/participants`);
    expect(steeringView.statusCode).toBe(200);
    expect(steeringView.json().items).toEqual([]);
    expect(steeringView.json().seesNames).toBe(false);
    expect(steeringView.json().aggregate.bySex).toEqual({ female: 3, male: 0, other: 0 });
    expect(steeringView.body).not.toContain('Abena');

    // An expert sees the registers of the activities they are deployed on, as counts.
    const expertView = await call(expert, 'GET', `/api/activities/${workshopId}/participants`);
    expect(expertView.statusCode).toBe(200);
    expect(expertView.json()).toMatchObject({ seesNames: false, canRegister: false, items: [] });
    expect(expertView.json().aggregate.total).toBe(3);
    expect(expertView.body).not.toContain('Abena');
    expect((await call(expert, 'GET', `/api/activities/${heldWorkshopId}/participants`)).statusCode).toBe(
      404,
    );
    expect((await call(jordan, 'GET', `/api/activities/${workshopId}/participants`)).statusCode).toBe(404);
    const someone = staffView.items.find((i) => i.person.institutionLabel === 'GPS');
    expect((await call(ghana, 'GET', `/api/people/${someone?.person.id}`)).statusCode).toBe(404);
    // Steering members never read a person's record: their role is refused before any record is looked up.
    expect((await call(steering, 'GET', `/api/people/${someone?.person.id}`)).statusCode).toBe(403);
    expect((await call(ghana, 'GET', `/api/participations/${someone?.id}/certificate.pdf`)).statusCode).toBe(
      404,
    );
  });
});

describe('attendance and certificates', () => {
  it('records attendance per day and checks the days and the register', async () => {
    const before = await registerOf(officer, workshopId);
    expect(before.days).toEqual(['2026-07-13', '2026-07-14', '2026-07-15', '2026-07-16', '2026-07-17']);
    // Someone of the Ghana Immigration Service, whose partner sees them too.
    const first = before.items.find((i) => i.person.institutionLabel === 'GIS');
    if (!first) throw new Error('the register is empty');
    const entries = before.days.map((day) => ({
      participationId: first.id,
      day,
      present: day !== '2026-07-17',
    }));
    const saved = await put(officer, `/api/activities/${workshopId}/attendance`, { entries });
    expect(saved.statusCode).toBe(200);
    const after = (saved.json() as ParticipantRegister).items.find((i) => i.id === first.id);
    expect(after?.attendance).toEqual({
      '2026-07-13': true,
      '2026-07-14': true,
      '2026-07-15': true,
      '2026-07-16': true,
      '2026-07-17': false,
    });
    expect(after?.daysPresent).toBe(4);

    const wrongDay = await put(officer, `/api/activities/${workshopId}/attendance`, {
      entries: [{ participationId: first.id, day: '2026-04-01', present: true }],
    });
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().error.details[0].field).toBe('entries.0.day');
    const elsewhere = await put(officer, `/api/activities/${pilotId}/attendance`, {
      entries: [{ participationId: first.id, day: '2027-03-15', present: true }],
    });
    expect(elsewhere.statusCode).toBe(400);
    expect((await put(steering, `/api/activities/${workshopId}/attendance`, { entries })).statusCode).toBe(
      403,
    );
    expect(await audits('attendance.record', workshopId)).toHaveLength(1);
  });

  it('issues a certificate with the name, the activity and the hours; and all in one PDF', async () => {
    const reg = await registerOf(officer, workshopId);
    const attended = reg.items.find((i) => i.daysPresent > 0);
    const absent = reg.items.find((i) => i.daysPresent === 0);
    if (!attended || !absent) throw new Error('expected one present and one absent');
    const pdf = await call(officer, 'GET', `/api/participations/${attended.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain(attended.person.fullName);
    expect(text).toContain('Certificate of attendance');
    expect(text).toContain('Drafting session: the training module');
    expect(text).toContain('Hours: 24');

    const none = await call(officer, 'GET', `/api/participations/${absent.id}/certificate.pdf`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('NO_ATTENDANCE_RECORDED');

    const setHours = await put(
      officer,
      `/api/activities/${workshopId}/register`,
      { hoursPerDay: 7.5 },
      { 'if-match': `"${reg.registerVersion}"` },
    );
    expect(setHours.statusCode).toBe(200);
    const stale = await put(
      officer,
      `/api/activities/${workshopId}/register`,
      { hoursPerDay: 5 },
      { 'if-match': `"${reg.registerVersion}"` },
    );
    expect(stale.statusCode).toBe(412);

    const all = await call(ghana, 'GET', `/api/activities/${workshopId}/certificates.pdf`);
    expect(all.statusCode).toBe(200);
    const bulk = await extractText(new Uint8Array(all.rawPayload), { mergePages: true });
    expect(bulk.text).toContain(attended.person.fullName);
    expect(bulk.text).toContain('Hours: 30');
    expect(await audits('certificate.issue', attended.id)).toHaveLength(1);
  });

  it('prints names beyond Latin-1 and writes in the activity’s language', async () => {
    const jordanReg = await register(officer, jordanActivityId, {
      person: person({
        fullName: 'ليلى حداد',
        institutionId: null,
        institutionName: 'Shelter for women, Amman',
      }),
    });
    expect(jordanReg.statusCode).toBe(201);
    const item = jordanReg.json() as ParticipationItem;
    await put(officer, `/api/activities/${jordanActivityId}/attendance`, {
      entries: [{ participationId: item.id, day: '2027-03-22', present: true }],
    });
    const pdf = await call(officer, 'GET', `/api/participations/${item.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain('شهادة حضور');
    expect(text).toContain('ليلى حداد');
  });
});

describe('importing a list', () => {
  const headers = [
    'Full name',
    'Institution',
    'Sex',
    'Position level',
    'Role',
    'Lawful basis',
    'Consent text version',
    'Consent given on (YYYY-MM-DD)',
  ];
  const rows = [
    ['Kofi Annor', 'GIS', 'Male', 'Junior', 'Participant', 'Public task', '', ''],
    ['Ama Serwaa', 'GIS', 'Female', 'Mid-level', '', 'Consent', 'v1-2026', '2026-11-02'],
    ['Esi Badu', 'GIS', 'Femme', 'trainer', 'participant', 'public_task', '', ''],
    ['Kojo Mensah', 'GIS', 'Man', 'Junior', '', 'Consent', '', ''],
  ];
  const csv = (data: string[][]) => Buffer.from([headers, ...data].map((r) => r.join(',')).join('\n'));
  const upload = (who: SignedInHeaders, bytes: Buffer, mode: string, name = 'list.csv', lang = 'en') => {
    const body = multipartBody({}, { name, bytes, type: 'text/csv' });
    return t.app.inject({
      method: 'POST',
      url: `/api/activities/${pilotId}/participants/import?mode=${mode}`,
      payload: body.payload,
      headers: { ...who, ...body.headers, 'accept-language': lang },
    });
  };

  it('reports each bad row’s row, column and message and writes nothing until the file is valid', async () => {
    const before = (await registerOf(officer, pilotId)).aggregate.total;
    const check = await upload(ghana, csv(rows), 'check');
    expect(check.statusCode).toBe(200);
    const report = check.json() as ImportReport;
    expect(report).toMatchObject({ rows: 4, validRows: 3, written: false, imported: 0 });
    expect(report.problems).toEqual([
      { row: 5, column: 'Sex', message: 'is not one of: Female, Male, Other' },
      { row: 5, column: 'Consent text version', message: expect.stringContaining('consent text') },
      {
        row: 5,
        column: 'Consent given on (YYYY-MM-DD)',
        message: expect.stringContaining('consent was given'),
      },
    ]);
    const all = await upload(ghana, csv(rows), 'all');
    expect(all.json().written).toBe(false);
    expect((await registerOf(officer, pilotId)).aggregate.total).toBe(before);

    const french = await upload(ghana, csv(rows), 'check', 'list.csv', 'fr');
    expect(french.json().problems[0]).toMatchObject({
      column: 'Sexe',
      message: expect.stringContaining('Femme'),
    });
  });

  it('imports the fixed file in full, linking people already on record', async () => {
    const fixed = rows.map((r) =>
      r[0] === 'Kojo Mensah' ? ['Kojo Mensah', 'GIS', 'Male', 'Junior', '', 'Public task', '', ''] : r,
    );
    const response = await upload(ghana, csv(fixed), 'all');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ written: true, imported: 4, problems: [] });
    const reg = await registerOf(ghana, pilotId);
    expect(reg.items.map((i) => i.person.fullName)).toEqual(
      expect.arrayContaining(['Kofi Annor', 'Esi Badu', 'Kojo Mensah']),
    );
    expect(reg.items.find((i) => i.person.fullName === 'Esi Badu')?.person.positionLevel).toBe('trainer');
    expect(
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.event, 'participation.import')))
        .length,
    ).toBe(1);

    // The same people again: already registered, reported per row, nothing written.
    const again = await upload(ghana, csv(fixed), 'valid-only');
    expect(again.json().problems).toHaveLength(4);
    expect(again.json().imported).toBe(0);
  });

  it('imports only the valid rows when asked to, from an XLSX file', async () => {
    const xlsx = await writeXlsx([
      {
        name: 'Participants',
        columns: headers.map((h, i) => ({ key: String(i), header: h })),
        rows: [
          ['Adwoa Pokua', 'GIS', 'Female', 'Senior', '', 'Public task', '', ''],
          ['', 'GIS', 'Female', 'Senior', '', 'Public task', '', ''],
        ].map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))),
      },
    ]);
    const body = multipartBody({}, { name: 'list.xlsx', bytes: xlsx });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${pilotId}/participants/import?mode=valid-only`,
      payload: body.payload,
      headers: { ...officer, ...body.headers },
    });
    expect(response.json()).toMatchObject({
      written: true,
      imported: 1,
      problems: [{ row: 3, column: 'Full name', message: 'is required' }],
    });
  });

  it('refuses a partner’s rows for another institution, and imports for no one outside the scope', async () => {
    const report = (
      await upload(ghana, csv([['Akua Dede', 'GPS', 'Female', 'Junior', '', 'Public task', '', '']]), 'check')
    ).json();
    expect(report.problems[0]).toMatchObject({ row: 2, column: 'Institution' });
    const body = multipartBody({}, { name: 'list.csv', bytes: csv(rows) });
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${pilotId}/participants/import?mode=check`,
      payload: body.payload,
      headers: { ...jordan, ...body.headers },
    });
    expect(outside.statusCode).toBe(404);
  });

  it('offers the template in each language, in XLSX and CSV', async () => {
    const xlsx = await call(ghana, 'GET', '/api/participants/import-template?lang=fr&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSpreadsheet(xlsx.rawPayload, 't.xlsx', { maxBytes: 1e6, maxRows: 10 });
    expect(sheet.headers).toContain('Nom complet');
    expect(sheet.headers).toContain('Base légale');
    const csvTemplate = await call(ghana, 'GET', '/api/participants/import-template?lang=ar&format=csv');
    expect(csvTemplate.body).toContain('الاسم الكامل');
    expect(writeCsv({ name: 'x', columns: [], rows: [] })).toBeDefined();
    expect((await call(undefined, 'GET', '/api/participants/import-template')).statusCode).toBe(401);
  });
});

describe('personal data', () => {
  it('exports a person’s data as JSON for staff and their own partner, and audits it', async () => {
    const reg = await registerOf(officer, workshopId);
    const gis = reg.items.find((i) => i.person.institutionLabel === 'GIS');
    if (!gis) throw new Error('no GIS participant');
    const response = await call(ghana, 'GET', `/api/people/${gis.person.id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.json().person.fullName).toBe(gis.person.fullName);
    expect(response.json().participations.length).toBeGreaterThanOrEqual(1);
    expect(await audits('person.export', gis.person.id)).toHaveLength(1);
    expect((await call(steering, 'GET', `/api/people/${gis.person.id}/export`)).statusCode).toBe(403);
  });

  it('erases the identity on request, keeps the counts, and audits it', async () => {
    const before = await registerOf(officer, workshopId);
    const target = before.items.find((i) => i.person.institutionLabel === 'GPS');
    if (!target) throw new Error('no GPS participant');
    expect(
      (await call(ghana, 'POST', `/api/people/${target.person.id}/erase`, { reason: 'asked by e-mail' }))
        .statusCode,
    ).toBe(403);
    const erased = await call(officer, 'POST', `/api/people/${target.person.id}/erase`, {
      reason: 'Asked by e-mail on 20 Nov.',
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ erased: true, email: null, position: null });
    expect(erased.json().fullName).not.toContain('Abena');
    const after = await registerOf(officer, workshopId);
    expect(after.aggregate).toEqual(before.aggregate);
    expect(await audits('person.erase', target.person.id)).toHaveLength(1);
    const patch = await call(officer, 'PATCH', `/api/people/${target.person.id}`, person(), {
      'if-match': '"2"',
    });
    expect(patch.statusCode).toBe(409);
  });

  it('pseudonymises people past the retention period, with a dry run first (admin)', async () => {
    expect((await put(officer, '/api/admin/participants/retention', { years: 1 })).statusCode).toBe(403);
    const noRule = await call(admin, 'POST', '/api/admin/participants/retention/run?dryRun=true');
    expect(noRule.json()).toMatchObject({ years: null, people: [] });
    expect((await put(admin, '/api/admin/participants/retention', { years: 0 })).statusCode).toBe(400);
    const rule = await call(admin, 'GET', '/api/admin/participants/retention');
    expect(rule.json()).toEqual({ years: null, version: 0 });
    expect(rule.headers.etag).toBe('"0"');
    expect((await put(admin, '/api/admin/participants/retention', { years: 1 })).statusCode).toBe(428);
    const set = await put(admin, '/api/admin/participants/retention', { years: 1 }, { 'if-match': '"0"' });
    expect(set.json()).toEqual({ years: 1, version: 1 });
    expect(set.headers.etag).toBe('"1"');

    // Someone whose only activity ended in April 2025, more than a year before the job runs.
    const oldActivity = await activityOf(
      await actionIdOf(t, officer, 'IberRed'),
      'Assessment of cooperation',
    );
    const old = await register(officer, oldActivity, {
      person: person({
        fullName: 'Lucía Ferreyra',
        institutionId: null,
        institutionName: 'Fiscalía de la Nación',
      }),
    });
    expect(old.statusCode).toBe(201);
    const dry = await call(admin, 'POST', '/api/admin/participants/retention/run?dryRun=true');
    expect(dry.statusCode).toBe(200);
    const list = dry.json().people as { id: string; lastActivityEnd: string }[];
    const abena = (await registerOf(officer, workshopId)).items.find(
      (i) => i.person.fullName === 'Abena Owusu-Mensah' && i.role === 'trainer',
    );
    // Abena also takes part in the pilot training of 2027: not due.
    expect(list.map((p) => p.id)).not.toContain(abena?.person.id);
    expect(list.map((p) => p.id)).toContain(old.json().person.id);
    expect(list.every((p) => p.lastActivityEnd < dry.json().cutoff)).toBe(true);
    const untouched = await call(officer, 'GET', `/api/people/${old.json().person.id}`);
    expect(untouched.json()).toMatchObject({ fullName: 'Lucía Ferreyra', pseudonymised: false });

    const run = await call(admin, 'POST', '/api/admin/participants/retention/run?dryRun=false');
    expect(run.json().pseudonymised).toBe(list.length);
    expect(
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.event, 'retention.run'))).length,
    ).toBe(1);
    const done = await call(officer, 'GET', `/api/people/${old.json().person.id}`);
    expect(done.json()).toMatchObject({ pseudonymised: true, email: null });
    expect(done.json().fullName).not.toContain('Lucía');
  });
});

describe('the demo registers', () => {
  it('hold the Ghana workshop’s officials with attendance and the Jordan shelter staff', async () => {
    const ghanaView = await registerOf(officer, heldWorkshopId);
    expect(ghanaView.aggregate.total).toBe(36);
    expect(ghanaView.aggregate.bySex).toEqual({ female: 16, male: 20, other: 0 });
    expect(ghanaView.aggregate.byPositionLevel.trainer).toBe(4);
    expect(ghanaView.items.every((i) => Object.keys(i.attendance).length === 3)).toBe(true);
    const jordanRegister = await registerOf(
      jordan,
      await activityOf(await actionIdOf(t, officer, 'Jordan I'), 'Workshop: admission'),
    );
    expect(jordanRegister.items).toHaveLength(18);
    expect(jordanRegister.items.every((i) => i.person.institutionLabel === 'MoSD')).toBe(true);
  });
});
