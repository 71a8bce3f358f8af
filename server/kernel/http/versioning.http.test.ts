import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBody } from '../../test/example-body.ts';
import { createTestApp, demoAccounts, type SignedInHeaders, type TestApp } from '../../test/harness.ts';

/*
 * No lost updates: every change of an editable record names the version it read. Fifty people
 * saving the same version at the same moment: exactly one wins, the others hear 412 with the
 * version that is now current, and the record holds the winner's change.
 */

let t: TestApp;
let officer: SignedInHeaders;

async function one(query: SQL): Promise<string> {
  const [row] = await t.rows<{ id: string }>(query);
  if (!row) throw new Error('no such record in the demo facility');
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn(demoAccounts.officer);
});
afterAll(() => t.close());

interface Editable {
  what: string;
  /** The record's address; its PATCH takes If-Match. */
  url: () => Promise<string>;
  /** Where the record is read with its ETag, when not at the same address. */
  readPath?: string;
  /** A change that differs for each of the fifty writers. */
  change: (writer: number) => Record<string, unknown>;
  /** The value the record shows afterwards, to compare with the winner's. */
  read: (record: Record<string, unknown>) => unknown;
}

const editables: Editable[] = [
  {
    what: 'an Action’s design',
    url: async () => `/api/actions/${await one(sql`select id from actions where name = 'Ghana III'`)}`,
    readPath: '/design',
    change: (writer) => ({ overallObjective: `Objective written by writer ${writer}` }),
    read: (record) => record.overallObjective,
  },
  {
    what: 'an activity',
    url: async () =>
      `/api/activities/${await one(sql`select id from activities where status = 'planned' order by start_date limit 1`)}`,
    change: (writer) => ({ agenda: `Agenda of writer ${writer}` }),
    read: (record) => record.agenda,
  },
  {
    what: 'a deliverable',
    url: async () =>
      `/api/deliverables/${await one(sql`select id from deliverables where status = 'draft' limit 1`)}`,
    change: (writer) => ({ title: `Title of writer ${writer}` }),
    read: (record) => record.title,
  },
  {
    what: 'an expert’s profile',
    url: async () => `/api/experts/${await one(sql`select id from experts order by full_name limit 1`)}`,
    change: (writer) => ({ administration: `Administration of writer ${writer}` }),
    read: (record) => record.administration,
  },
];

describe('no lost updates', () => {
  for (const editable of editables) {
    it(`fifty writers of one version of ${editable.what}: one wins, forty-nine hear 412`, async () => {
      const url = await editable.url();
      const readUrl = `${url}${editable.readPath ?? ''}`;
      const before = await t.app.inject({ method: 'GET', url: readUrl, headers: officer });
      const etag = String(before.headers.etag);
      const version = Number(etag.replaceAll('"', ''));
      expect(version).toBeGreaterThan(0);

      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, writer) =>
          t.app.inject({
            method: 'PATCH',
            url,
            headers: { ...officer, 'if-match': etag },
            payload: editable.change(writer),
          }),
        ),
      );
      const won = answers.flatMap((answer, writer) => (answer.statusCode === 200 ? [writer] : []));
      expect(won, answers.map((a) => a.statusCode).join(' ')).toHaveLength(1);
      const lost = answers.filter((answer) => answer.statusCode !== 200);
      for (const answer of lost) {
        expect(answer.statusCode, answer.body).toBe(412);
        expect(answer.json().error).toMatchObject({
          code: 'VERSION_MISMATCH',
          details: [{ field: 'If-Match', message: `current version is ${version + 1}` }],
        });
      }

      const after = await t.app.inject({ method: 'GET', url: readUrl, headers: officer });
      expect(after.headers.etag).toBe(`"${version + 1}"`);
      expect(editable.read(after.json())).toBe(editable.read(editable.change(won[0] as number)));
      // Each refusal carries the record as it is now, so that the client can merge without reading it again.
      for (const answer of lost) {
        expect(answer.headers.etag).toBe(`"${version + 1}"`);
        expect(answer.json().error.current).toEqual({ version: version + 1, record: after.json() });
      }
    });
  }

  it('refuses every change of an editable record that does not say which version it read (428)', async () => {
    const unversioned = [
      // One's own notification preferences are replaced whole, by their one owner.
      '/api/notifications/settings',
      // Attendance marks are set cell by cell (a person was present on a day, or not): each is
      // written whole and read back at once, with nothing of another change to overwrite.
      '/api/activities/:id/attendance',
      // The retention rule is one number that an administrator sets whole.
      '/api/admin/participants/retention',
      // A training's test and its scores are saved whole, without a version (docs/security.md says so).
      '/api/activities/:id/test',
      '/api/activities/:id/test-scores',
    ];
    const routes = t.app.routeTable.filter(
      (r) => (r.method === 'PATCH' || r.method === 'PUT') && !unversioned.includes(r.url),
    );
    expect(routes.length).toBeGreaterThan(4);
    const admin = await t.signIn(demoAccounts.admin);
    const unguarded: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const payload = exampleBody(route.body) ?? {};
      const answer = await t.app.inject({ method: route.method as 'PUT', url, headers: admin, payload });
      if (answer.statusCode !== 428) unguarded.push(`${route.method} ${route.url}: ${answer.body}`);
    }
    expect(unguarded).toEqual([]);
  });
});
