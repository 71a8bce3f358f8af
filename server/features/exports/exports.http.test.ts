import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../kernel/spreadsheets/read-spreadsheet.ts';
import { writeCsv } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { caller } from '../../test/requests.ts';
import type { ImportReport } from './exports.contract.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let ghana: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [officer, ghana] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
  ]);
});
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const readOptions = { maxBytes: 10e6, maxRows: 10_000 };

async function download(who: SignedInHeaders, url: string, headers: Record<string, string> = {}) {
  const response = await call(who, 'GET', url, undefined, headers);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return response.rawPayload;
}

async function upload(who: SignedInHeaders, kind: string, name: string, bytes: Buffer, dryRun: boolean) {
  const { payload, headers } = multipartBody({}, { name, bytes });
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/${kind}?dryRun=${dryRun}`,
    payload,
    headers: { ...who, ...headers },
  });
}

/** Everything an import could change, to compare before and after. */
async function snapshot() {
  return {
    actions: await rows(
      sql`select id, planned_start, planned_end, version, updated_at from actions order by id`,
    ),
    designs: await rows(sql`select * from action_designs order by action_id`),
    activities: await rows(sql`select * from activities order by id`),
    audit: (await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`))[0]?.n,
  };
}

describe('exports', () => {
  it('give staff every Action, and a partner only its institution’s', async () => {
    const all = await readSpreadsheet(
      await download(officer, '/api/exports/actions.xlsx'),
      'a.xlsx',
      readOptions,
    );
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(sql`select count(*)::int as n from actions`);
    expect(all.rows).toHaveLength(n);
    expect(all.headers.slice(0, 3)).toEqual(['Code', 'Name', 'Title']);

    const own = await rows<{ code: string }>(sql`
      select distinct a.code from actions a join action_institutions ai on ai.action_id = a.id
        join users u on u.institution_id = ai.institution_id
       where u.email = 'partner.ghana@demo.tandem.test' order by a.code`);
    const partner = await readSpreadsheet(
      await download(ghana, '/api/exports/actions.csv'),
      'a.csv',
      readOptions,
    );
    expect(partner.rows.map((r) => r.cells.Code).sort()).toEqual(own.map((r) => r.code));
    expect(own.length).toBeLessThan(n);
  });

  it('name their columns in the reader’s language', async () => {
    const csv = await download(officer, '/api/exports/activities.csv', { 'accept-language': 'fr' });
    const sheet = await readSpreadsheet(csv, 'a.csv', readOptions);
    expect(sheet.headers).toContain('Date de début');
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(sql`select count(*)::int as n from activities`);
    expect(sheet.rows).toHaveLength(n);
  });

  it('neutralise text that a spreadsheet would run as a formula, in CSV and XLSX', async () => {
    const [target] = await rows<{ id: string }>(sql`select id from deliverables limit 1`);
    await t.database.db.execute(
      sql`update deliverables set title = ${JSON.stringify({ en: '=HYPERLINK("http://evil.test","x")' })}::jsonb where id = ${target?.id}`,
    );
    const csv = (await download(officer, '/api/exports/deliverables.csv')).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await download(officer, '/api/exports/deliverables.xlsx')) as unknown as ArrayBuffer,
    );
    const cells: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.value);
      });
    });
    expect(cells).toContain(`'=HYPERLINK("http://evil.test","x")`);
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
  });

  it('give participants to staff, to a partner only its own people, and never to steering or experts', async () => {
    const [activity] = await rows<{ id: string }>(sql`select id from activities limit 1`);
    const [ghanaInstitution] = await rows<{ id: string }>(
      sql`select institution_id as id from users where email = 'partner.ghana@demo.tandem.test'`,
    );
    for (const [name, institution] of [
      ['Abena Ghana-Person', ghanaInstitution?.id ?? null],
      ['Omar Elsewhere', null],
    ] as const) {
      const [person] = await rows<{ id: string }>(sql`
        insert into people (full_name, name_key, sex, position_level, lawful_basis, institution_id, email)
        values (${name}, ${name.toLowerCase()}, 'female', 'senior', 'public_task', ${institution}, 'p@example.org')
        returning id`);
      await t.database.db.execute(
        sql`insert into participations (person_id, activity_id) values (${person?.id}, ${activity?.id})`,
      );
    }
    const names = async (who: SignedInHeaders) =>
      (
        await readSpreadsheet(await download(who, '/api/exports/participants.csv'), 'p.csv', readOptions)
      ).rows.map((r) => r.cells['Full name']);
    expect(await names(officer)).toEqual(expect.arrayContaining(['Abena Ghana-Person', 'Omar Elsewhere']));
    const own = await rows<{ full_name: string }>(sql`
      select pe.full_name from participations pa join people pe on pe.id = pa.person_id
       where pe.institution_id = ${ghanaInstitution?.id}`);
    const ghanaNames = await names(ghana);
    expect([...ghanaNames].sort()).toEqual(own.map((r) => r.full_name).sort());
    expect(ghanaNames).toContain('Abena Ghana-Person');
    expect(ghanaNames).not.toContain('Omar Elsewhere');
    for (const email of ['steering@demo.tandem.test', 'expert@demo.tandem.test']) {
      const response = await call(await t.signIn(email), 'GET', '/api/exports/participants.xlsx');
      expect(response.statusCode).toBe(403);
    }
  });

  it('know no other dataset or format', async () => {
    expect((await call(officer, 'GET', '/api/exports/users.csv')).statusCode).toBe(404);
    expect((await call(officer, 'GET', '/api/exports/actions.pdf')).statusCode).toBe(404);
    expect((await call(undefined, 'GET', '/api/exports/actions.csv')).statusCode).toBe(401);
  });
});

describe('imports', () => {
  it('change nothing when an export comes back unchanged, as XLSX or CSV', async () => {
    for (const [kind, format] of [
      ['actions', 'xlsx'],
      ['activities', 'xlsx'],
      ['activities', 'csv'],
      ['actions', 'csv'],
    ] as const) {
      const file = await download(officer, `/api/exports/${kind}.${format}`, { 'accept-language': 'es' });
      const before = await snapshot();
      const response = await upload(officer, kind, `${kind}.${format}`, file, false);
      expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
      const report: ImportReport = response.json();
      expect(report.summary.error).toBe(0);
      expect(report.summary.unchanged).toBe(report.summary.rows);
      expect(report.summary.rows).toBeGreaterThan(0);
      expect(report.applied).toBe(false);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('report row by row on a dry run, change nothing, then apply all rows or none', async () => {
    const sheet = await readSpreadsheet(
      await download(officer, '/api/exports/activities.csv'),
      'a.csv',
      readOptions,
    );
    const open = sheet.rows.find((r) => r.cells.Status === 'planned');
    if (!open) throw new Error('the demo has no planned activity');
    const edited = sheet.rows.map((r) =>
      r === open ? { ...r.cells, Title: `${r.cells.Title} (revised)` } : { ...r.cells },
    );
    const newActivity = {
      ...open.cells,
      Id: '',
      Title: 'Validation meeting of the referral handbook',
      Type: 'validation_meeting',
      'Start date': '2031-03-10',
      'End date': '2031-03-11',
      Modality: 'online',
      City: '',
      Country: '',
      Status: '',
    };
    const broken = { ...newActivity, Title: 'Broken row', 'Start date': '2031-13-40', Modality: 'by pigeon' };
    const tableOf = (cells: Record<string, string>[]) =>
      Buffer.from(
        writeCsv({
          name: 'Activities',
          columns: sheet.headers.map((h) => ({ key: h, header: h })),
          rows: cells,
        }),
      );

    const before = await snapshot();
    const dry = await upload(
      officer,
      'activities',
      'edited.csv',
      tableOf([...edited, newActivity, broken]),
      true,
    );
    expect(dry.statusCode).toBe(200);
    const report: ImportReport = dry.json();
    expect(report.dryRun).toBe(true);
    expect(report.applied).toBe(false);
    expect(report.summary).toMatchObject({ update: 1, create: 1, error: 1 });
    const updated = report.rows.find((r) => r.outcome === 'update');
    expect(updated).toMatchObject({ row: open.row, key: open.cells.Id, changes: ['Title'] });
    const failed = report.rows.find((r) => r.outcome === 'error');
    expect(failed?.row).toBe(sheet.rows.length + 3);
    expect(failed?.problems.map((p) => p.column)).toEqual(expect.arrayContaining(['Start date', 'Modality']));
    expect(await snapshot()).toEqual(before);

    const refused = await upload(
      officer,
      'activities',
      'edited.csv',
      tableOf([...edited, newActivity, broken]),
      false,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].field).toMatch(/^row \d+, /);
    expect(await snapshot()).toEqual(before);

    const applied = await upload(
      officer,
      'activities',
      'edited.csv',
      tableOf([...edited, newActivity]),
      false,
    );
    expect(applied.statusCode, applied.body.slice(0, 300)).toBe(200);
    expect(applied.json().applied).toBe(true);
    const [revised] = await rows<{ title: Record<string, string> }>(
      sql`select title from activities where id = ${open.cells.Id}`,
    );
    expect(Object.values(revised?.title ?? {})).toContain(`${open.cells.Title} (revised)`);
    const created = await rows<{ id: string }>(
      sql`select id from activities where title->>'en' = 'Validation meeting of the referral handbook'`,
    );
    expect(created).toHaveLength(1);
    const events = await rows<{ event: string }>(sql`
      select event from audit_events order by id desc limit 3`);
    expect(events.map((e) => e.event).sort()).toEqual([
      'activity.create',
      'activity.update',
      'import.activities',
    ]);
  });

  it('changes an Action’s plan, warns of read-only columns and refuses unknown codes', async () => {
    const sheet = await readSpreadsheet(
      await download(officer, '/api/exports/actions.csv'),
      'a.csv',
      readOptions,
    );
    const [{ code } = { code: '' }] = await rows<{ code: string }>(
      sql`select code from actions where status in ('design', 'implementation') order by code limit 1`,
    );
    const cells = sheet.rows.map((r) =>
      r.cells.Code === code
        ? { ...r.cells, 'Planned expert days': '42', Name: 'Renamed here' }
        : { ...r.cells },
    );
    cells.push({ ...cells[0], Code: 'atlantis-i' } as Record<string, string>);
    const file = Buffer.from(
      writeCsv({ name: 'Actions', columns: sheet.headers.map((h) => ({ key: h, header: h })), rows: cells }),
    );
    const report: ImportReport = (await upload(officer, 'actions', 'actions.csv', file, true)).json();
    const changed = report.rows.find((r) => r.key === code);
    expect(changed).toMatchObject({ outcome: 'update', changes: ['Planned expert days'] });
    expect(changed?.warnings).toEqual([
      { column: 'Name', message: 'is read only here; the change is ignored' },
    ]);
    const unknown = report.rows.find((r) => r.key === 'atlantis-i');
    expect(unknown?.outcome).toBe('error');
    expect(unknown?.problems[0]?.column).toBe('Code');
  });

  it('are for staff, with a template that explains the columns', async () => {
    const template = await download(officer, '/api/imports/activities/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Activities', 'About']);
    const empty = await readSpreadsheet(template, 't.xlsx', readOptions);
    expect(empty.rows).toHaveLength(0);
    expect(empty.headers).toContain('Start date');

    const file = await download(officer, '/api/exports/activities.csv');
    expect((await upload(ghana, 'activities', 'a.csv', file, true)).statusCode).toBe(403);
    expect((await call(ghana, 'GET', '/api/imports/actions/template.xlsx')).statusCode).toBe(403);
    const missing = await upload(officer, 'activities', 'a.csv', Buffer.from('Title\nSomething\n'), true);
    expect(missing.json().fileProblems.map((p: { column: string }) => p.column)).toContain('Start date');
  });
});

describe('the indicators export', () => {
  it('has a row per period of each indicator, with its target', async () => {
    const sheet = await readSpreadsheet(
      await download(officer, '/api/exports/indicators.xlsx'),
      'i.xlsx',
      readOptions,
    );
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(sql`
      select (select count(*) from indicator_periods)::int
           + (select count(*) from indicators i where not exists
               (select 1 from indicator_periods p where p.indicator_id = i.id))::int as n`);
    expect(n).toBeGreaterThan(0);
    expect(sheet.rows).toHaveLength(n);
    const targets = await rows<{ target: string }>(
      sql`select target::text as target from indicator_periods where target is not null`,
    );
    const exported = sheet.rows
      .map((r) => r.cells.Target)
      .filter(Boolean)
      .map(Number)
      .sort();
    expect(exported).toEqual(targets.map((r) => Number(r.target)).sort());
  });
});
