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

let admin: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn(demoAccounts.officer);
  admin = await t.signIn(demoAccounts.admin);
});
afterAll(() => t.close());

type Json = Record<string, unknown>;

interface Editable {
  what: string;
  /** The record's address; its PATCH (or PUT) takes If-Match. */
  url: () => Promise<string>;
  method?: 'PATCH' | 'PUT';
  /** Who writes it, when not an officer. */
  writer?: 'admin';
  /** Where the record is read with its ETag, when not at the same address. */
  readPath?: string;
  /** A change that differs for each of the fifty writers, made from the record as read. */
  change: (writer: number, before: Json) => Json;
  /** The value the record shows afterwards, to compare with the winner's. */
  read: (record: Json) => unknown;
  /** The value a change writes, where it is not read from the change as from the record. */
  written?: (change: Json) => unknown;
}

/** An open training with a test and a participant, so that its test and score sheet can change. */
const openTraining = sql`
  select a.id, p.id as participation
  from training_tests tt
  join activities a on a.id = tt.activity_id
  join actions ac on ac.id = a.action_id
  join participations p on p.activity_id = a.id and p.role = 'participant'
  where ac.status not in ('completed', 'cancelled')
  order by a.start_date limit 1`;
let participation = '';

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
  {
    what: 'the retention rule',
    url: async () => '/api/admin/participants/retention',
    method: 'PUT',
    writer: 'admin',
    change: (writer) => ({ years: 1 + writer }),
    read: (record) => record.years,
  },
  {
    what: 'a training’s test',
    url: async () => `/api/activities/${await one(openTraining)}/test`,
    method: 'PUT',
    // The same number of questions, since scores may be recorded against the test.
    change: (writer, before) => ({
      questions: (before.questions as Json[]).map((q, i) => ({
        text: i === 0 ? `Question of writer ${writer}` : q.text,
        options: q.options,
        answer: q.answer,
      })),
    }),
    read: (record) => (record.questions as Json[])[0]?.text,
  },
  {
    what: 'a training’s score sheet',
    url: async () => {
      const [row] = await t.rows<{ id: string; participation: string }>(openTraining);
      if (!row) throw new Error('no open training with a test in the demo facility');
      participation = row.participation;
      return `/api/activities/${row.id}/test-scores`;
    },
    method: 'PUT',
    // Each writer a different score, within the test's maximum when it has as many questions.
    change: (writer, before) => ({
      phase: 'pre',
      scores: [{ participationId: participation, score: writer % ((before.maxScore as number) + 1) }],
    }),
    read: (record) =>
      (record.participants as Json[]).find((p) => p.participationId === participation)?.pre ?? null,
    written: (change) => (change.scores as Json[])[0]?.score,
  },
];

describe('no lost updates', () => {
  for (const editable of editables) {
    it(`fifty writers of one version of ${editable.what}: one wins, forty-nine hear 412`, async () => {
      const url = await editable.url();
      const readUrl = `${url}${editable.readPath ?? ''}`;
      const who = editable.writer === 'admin' ? admin : officer;
      const before = await t.app.inject({ method: 'GET', url: readUrl, headers: who });
      const etag = String(before.headers.etag);
      const version = Number(etag.replaceAll('"', ''));
      expect(version, before.body).toBeGreaterThanOrEqual(0);
      const changes = Array.from({ length: 50 }, (_, writer) => editable.change(writer, before.json()));

      // Without the version it read, a change is refused (428); with an older one, 412.
      const blind = await t.app.inject({
        method: editable.method ?? 'PATCH',
        url,
        headers: who,
        payload: changes[0],
      });
      expect(blind.statusCode, blind.body).toBe(428);
      if (version > 0) {
        const old = await t.app.inject({
          method: editable.method ?? 'PATCH',
          url,
          headers: { ...who, 'if-match': `"${version - 1}"` },
          payload: changes[0],
        });
        expect(old.statusCode, old.body).toBe(412);
      }

      const answers = await Promise.all(
        changes.map((payload) =>
          t.app.inject({
            method: editable.method ?? 'PATCH',
            url,
            headers: { ...who, 'if-match': etag },
            payload,
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

      const after = await t.app.inject({ method: 'GET', url: readUrl, headers: who });
      expect(after.headers.etag).toBe(`"${version + 1}"`);
      const winner = changes[won[0] as number] as Json;
      expect(editable.read(after.json())).toBe((editable.written ?? editable.read)(winner));
      // Each refusal carries the record as it is now, so that the client can merge without reading it again.
      for (const answer of lost) {
        expect(answer.headers.etag).toBe(`"${version + 1}"`);
        expect(answer.json().error.current).toEqual({ version: version + 1, record: after.json() });
      }
    });
  }

  it('refuses every change of an editable record that does not say which version it read (428)', async () => {
    // docs/security.md says why these carry no version.
    const unversioned = [
      // One's own notification preferences: a setting only its owner reads and changes.
      '/api/notifications/settings',
      // Attendance marks are set cell by cell (a person was present on a day, or not): each mark
      // is a fact written whole, the same whoever sends it, with nothing of another's to overwrite.
      '/api/activities/:id/attendance',
      // A training's test is written without a version the first time (there is none to read);
      // once it exists, If-Match is required: the fifty writers above prove it.
      '/api/activities/:id/test',
    ];
    const routes = t.app.routeTable.filter(
      (r) => (r.method === 'PATCH' || r.method === 'PUT') && !unversioned.includes(r.url),
    );
    expect(routes.length).toBeGreaterThan(4);
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
