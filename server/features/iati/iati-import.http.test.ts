import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { schemaDir, sharedIati } from './iati-test-helpers.ts';

let t: TestApp;
let officer: SignedInHeaders;

beforeAll(async () => {
  vi.stubEnv('TANDEM_IATI_SCHEMA_DIR', schemaDir);
  t = await createTestApp();
  officer = await t.signIn('officer@demo.tandem.test');
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? filesUnder(file) : [file];
    });

function importXml(
  body: string | Buffer,
  headers: Record<string, string> | undefined = officer,
  fileName?: string,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/iati/import${fileName ? `?fileName=${encodeURIComponent(fileName)}` : ''}`,
    headers: { ...headers, 'content-type': 'application/xml' },
    payload: body,
  });
}

/** A small file as another publisher would send it. */
const activityFile = (
  activities: { id: string; title: string; country?: string; plannedEnd?: string }[],
) => `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-01-10T09:00:00Z">
${activities
  .map(
    (a) => `  <iati-activity last-updated-datetime="2026-01-09T10:00:00Z" xml:lang="en">
    <iati-identifier>${a.id}</iati-identifier>
    <reporting-org ref="XM-DAC-41128" type="40"><narrative>United Nations Office on Drugs and Crime</narrative></reporting-org>
    <title><narrative>${a.title}</narrative><narrative xml:lang="es">${a.title} (es)</narrative></title>
    <description type="1"><narrative>Support to prosecutors against trafficking in persons.</narrative></description>
    <participating-org role="1" ref="XM-DAC-918-3" type="15"><narrative>European Commission</narrative></participating-org>
    <participating-org role="4" ref="XM-DAC-41128" type="40"><narrative>UNODC</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2025-01-01"/>
    <activity-date type="3" iso-date="${a.plannedEnd ?? '2027-12-31'}"/>
    <recipient-country code="${a.country ?? 'PE'}" percentage="100"/>
    <sector vocabulary="1" code="15190" percentage="100"/>
    <tag vocabulary="3" code="8.7"/>
  </iati-activity>`,
  )
  .join('\n')}
</iati-activities>`;

describe('POST /api/iati/import: the official schema tests', () => {
  it('imports every file the schema accepts', async () => {
    const files = filesUnder(path.join(sharedIati, 'schema-tests', 'should-pass'));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const response = await importXml(readFileSync(file), officer, path.basename(file));
      expect(response.statusCode, `${file}: ${response.body}`).toBe(200);
      expect(response.json().activities.length).toBeGreaterThan(0);
    }
  });

  it('refuses every file the schema rejects, saying what is wrong and where, and stores nothing of it', async () => {
    const count = async () =>
      (
        (await t.database.db.execute(sql`select count(*)::int as n from iati_imports`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]?.n;
    const before = await count();
    const files = filesUnder(path.join(sharedIati, 'schema-tests', 'should-fail'));
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const response = await importXml(readFileSync(file), officer, path.basename(file));
      expect(response.statusCode, file).toBe(422);
      const { error } = response.json();
      expect(error.code).toBe('IMPORT_FILE_INVALID');
      expect(error.message).toMatch(
        /^The file was refused and nothing was imported: \d+ problems?, the first: /,
      );
      expect(error.details.length, file).toBeGreaterThan(0);
      for (const detail of error.details) {
        expect(detail.field).toMatch(/^(line \d+|file)$/);
        expect(detail.message).not.toMatch(/Schemas validity error/);
      }
    }
    expect(await count()).toBe(before);
  });

  it('explains a missing title narrative in words', async () => {
    const file = path.join(sharedIati, 'schema-tests', 'should-fail', '22-missing-title-narrative.xml');
    const { error } = (await importXml(readFileSync(file))).json();
    expect(error.details).toContainEqual({
      field: 'line 10',
      message: '<title> lacks a required child element: <narrative>',
    });
    expect(
      error.details.some((d: { message: string }) => d.message.includes('its <title> has no <narrative>')),
    ).toBe(true);
  });
});

describe('POST /api/iati/import: what is stored', () => {
  it('stores the activities, updates them when imported again, and lists them by country and topic', async () => {
    const first = await importXml(
      activityFile([{ id: 'XM-DAC-41128-PER-T1', title: 'Countering trafficking' }]),
      officer,
      'unodc.xml',
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      fileName: 'unodc.xml',
      created: 1,
      updated: 0,
      schemaValidation: true,
      activities: [
        {
          identifier: 'XM-DAC-41128-PER-T1',
          title: 'Countering trafficking',
          reportingOrg: 'United Nations Office on Drugs and Crime',
          outcome: 'created',
        },
      ],
    });
    const again = await importXml(
      activityFile([{ id: 'XM-DAC-41128-PER-T1', title: 'Countering trafficking, phase 2', country: 'EC' }]),
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 1, activities: [{ outcome: 'updated' }] });

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/external-activities?country=EC&topic=thb',
      headers: { cookie: officer.cookie, 'accept-language': 'es' },
    });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.total).toBe(1);
    const [activity] = page.items;
    expect(activity).toMatchObject({
      identifier: 'XM-DAC-41128-PER-T1',
      title: 'Countering trafficking, phase 2 (es)',
      countries: ['EC'],
      topics: ['thb'],
      status: '2',
      plannedStart: '2025-01-01',
      plannedEnd: '2027-12-31',
      reportingOrg: { ref: 'XM-DAC-41128', name: 'United Nations Office on Drugs and Crime' },
      sectors: [{ vocabulary: '1', code: '15190', percentage: 100 }],
    });
    expect(activity.participatingOrgs.map((o: { role: string }) => o.role)).toEqual(['1', '4']);
    expect(activity.topicEvidence[0].reason).toBe('SDG target 8.7');
    // Imported once, so only one row, and no longer in Peru.
    const peru = await t.app.inject({
      method: 'GET',
      url: '/api/external-activities?country=PE&q=Countering',
      headers: { cookie: officer.cookie },
    });
    expect(peru.json().total).toBe(0);
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/external-activities?country=EC&topic=labour',
      headers: { cookie: officer.cookie },
    });
    expect(other.json().total).toBe(0);
  });

  it('offers the public the same list with public fields only', async () => {
    await importXml(
      activityFile([{ id: 'XM-DAC-41128-GHA-1', title: 'Border management in Ghana', country: 'GH' }]),
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/public/external-activities?country=GH' });
    expect(response.statusCode).toBe(200);
    const [item] = response.json().items;
    expect(item).toMatchObject({ identifier: 'XM-DAC-41128-GHA-1', countries: ['GH'] });
    expect(item.topics).toEqual(['border', 'thb']);
    expect(item).not.toHaveProperty('description');
    expect(item).not.toHaveProperty('participatingOrgs');
    expect(item).not.toHaveProperty('sourceFile');
  });

  it('imports nothing of a file with one bad activity among good ones', async () => {
    const file = activityFile([
      { id: 'XM-DAC-41128-GOOD-1', title: 'A good one' },
      { id: 'XM-DAC-41128-BAD-1', title: 'A bad one', plannedEnd: '2026-02-30' },
    ]);
    const response = await importXml(file);
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(' '),
    ).toMatch(/2026-02-30/);
    const stored = await t.database.db.execute(
      sql`select count(*)::int as n from external_activities where iati_identifier like 'XM-DAC-41128-%-1' and iati_identifier <> 'XM-DAC-41128-GHA-1'`,
    );
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it('refuses a file that holds the same identifier twice, and a file that is not XML', async () => {
    const twice = await importXml(
      activityFile([
        { id: 'XM-DAC-41128-TWICE', title: 'One' },
        { id: 'XM-DAC-41128-TWICE', title: 'Two' },
      ]),
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.details.map((d: { message: string }) => d.message)).toContain(
      'activity XM-DAC-41128-TWICE appears twice (first at line 3)',
    );
    const notXml = await importXml('this is not <xml');
    expect(notXml.statusCode).toBe(422);
    expect(notXml.json().error.message).toMatch(/not well-formed XML/);
    const organisation = await importXml('<?xml version="1.0"?><iati-organisations version="2.03"/>');
    expect(organisation.json().error.details[0].message).toMatch(/not an IATI activity file/);
  });

  it('takes the file as a multipart upload too, and records who imported it', async () => {
    const boundary = 'tandem-boundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="donor.xml"',
      'Content-Type: application/xml',
      '',
      activityFile([{ id: 'XX-DONOR-1', title: 'Labour migration in Kenya', country: 'KE' }]),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/iati/import',
      headers: { ...officer, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fileName: 'donor.xml', created: 1 });
    const audit = await t.database.db.execute(
      sql`select event, changes from audit_events where entity_id = ${response.json().importId}`,
    );
    const [event] = (audit as unknown as { rows: { event: string; changes: { fileName: string } }[] }).rows;
    expect(event).toMatchObject({ event: 'iati.import', changes: { fileName: 'donor.xml' } });
    const labour = await t.app.inject({
      method: 'GET',
      url: '/api/external-activities?country=KE&topic=labour',
      headers: { cookie: officer.cookie },
    });
    expect(labour.json().items[0].topicEvidence).toEqual([
      { topic: 'labour', reason: '"labour migration" in the title or description' },
      { topic: 'thb', reason: 'SDG target 8.7' },
    ]);
  });
});

describe('POST /api/iati/import: who may', () => {
  const file = activityFile([{ id: 'XX-ACCESS-1', title: 'Access' }]);

  it('needs a signed-in admin or officer, with the CSRF token', async () => {
    const anonymous = await importXml(file, {});
    expect(anonymous.statusCode).toBe(401);
    for (const email of [
      'steering@demo.tandem.test',
      'partner.ghana@demo.tandem.test',
      'expert@demo.tandem.test',
    ]) {
      const response = await importXml(file, await t.signIn(email));
      expect(response.statusCode, email).toBe(403);
    }
    const withoutToken = await importXml(file, { cookie: officer.cookie });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await importXml(file, await t.signIn('admin@demo.tandem.test'))).statusCode).toBe(200);
  });

  it('refuses another content type and an empty body', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/iati/import',
      headers: { ...officer, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(json.statusCode).toBe(415);
    const empty = await importXml('');
    expect(empty.statusCode).toBe(415);
  });

  it('lets staff and the steering committee list imported activities, and refuses partners', async () => {
    const url = '/api/external-activities';
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const partner = await t.signIn('partner.ghana@demo.tandem.test');
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: partner.cookie } })).statusCode).toBe(
      403,
    );
    const steering = await t.signIn('steering@demo.tandem.test');
    expect(
      (await t.app.inject({ method: 'GET', url, headers: { cookie: steering.cookie } })).statusCode,
    ).toBe(200);
    const bad = await t.app.inject({
      method: 'GET',
      url: `${url}?country=Kenya`,
      headers: { cookie: steering.cookie },
    });
    expect(bad.json().error.details[0].field).toBe('country');
  });
});
