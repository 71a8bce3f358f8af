import { type SQL, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../demo/demo-pdf.ts';
import { exampleBody } from '../../test/example-body.ts';
import { createTestApp, type SignedInHeaders } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { type Caller, callers, type DeclaredRoute, type Outcome } from './access.ts';

/*
 * Generated from the route table: every API route, called as every kind of caller, must answer
 * what it declares. The records are partner A's (Ghana's Action Ghana III, its activity on which the
 * demo expert is deployed and whose report is filed, its first deliverable and its request in
 * clarification); partner B is Jordan's focal point. The notification is the officer's.
 */

const t = await createTestApp();
const emails: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin@demo.tandem.test',
  officer: 'officer@demo.tandem.test',
  steering: 'steering@demo.tandem.test',
  partnerA: 'partner.ghana@demo.tandem.test',
  partnerB: 'partner.jordan@demo.tandem.test',
  expert: 'expert@demo.tandem.test',
};

async function rows<T>(query: SQL): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}
async function one(query: SQL): Promise<string> {
  const [row] = await rows<{ id: string }>(query);
  if (!row) throw new Error(`no fixture for ${JSON.stringify(query)}`);
  return row.id;
}

const ghanaAction = await one(sql`select id from actions where name = 'Ghana III'`);
const ghanaActivity = await one(sql`
  select a.id from activities a
  join deployments d on d.activity_id = a.id
  join experts e on e.id = d.expert_id join users u on u.id = e.user_id
  where a.action_id = ${ghanaAction} and u.email = ${emails.expert} and a.status = 'held' limit 1`);
const erik = await one(sql`
  select e.id from experts e join users u on u.id = e.user_id where u.email = ${emails.expert}`);
const ghanaDeliverable = await one(sql`
  select id from deliverables where action_id = ${ghanaAction} order by created_at limit 1`);
const publicDeliverable = await one(sql`
  select id from deliverables where status = 'published' and visibility = 'public' limit 1`);
const ghanaRequest = await one(sql`
  select r.id from requests r join users u on u.id = r.created_by
  where u.email = ${emails.partnerA} and r.status = 'clarification' limit 1`);
/** Notifications are their recipient's alone: this one is the officer's. */
const officersNotification = await one(sql`
  select n.id from notifications n join users u on u.id = n.user_id where u.email = ${emails.officer} limit 1`);
const ghanaRegion = await one(sql`select region_code as id from countries where code = 'GH'`);

const ghanaParticipation = await one(sql`
  select p.id from participations p join activities a on a.id = p.activity_id
  join people pe on pe.id = p.person_id
  where a.action_id = ${ghanaAction}
    and pe.institution_id = (select institution_id from users where email = ${emails.partnerA})
  order by p.id limit 1`);
const ghanaPerson = await one(
  sql`select person_id as id from participations where id = ${ghanaParticipation}`,
);
const ghanaIndicator = await one(sql`
  select i.id from indicators i where i.action_id = ${ghanaAction}
  order by exists (select 1 from indicator_periods p join indicator_evidence e on e.period_id = p.id
                   where p.indicator_id = i.id) desc, i.id
  limit 1`);
const ghanaPeriod = await one(sql`
  select id from indicator_periods where indicator_id = ${ghanaIndicator} order by id limit 1`);
const ghanaEvidence = await one(sql`
  select e.id from indicator_evidence e join indicator_periods p on p.id = e.period_id
  where p.indicator_id = ${ghanaIndicator} limit 1`).catch(() => '00000000-0000-4000-8000-000000000000');
/** A published document of an earlier Ghana Action that only its partner (and the staff) may read. */
const ghanaLibraryDocument = await one(sql`
  select l.deliverable_id as id from library_documents l
  join deliverables d on d.id = l.deliverable_id join actions a on a.id = d.action_id
  where d.visibility = 'partner' and a.name like 'Ghana%' limit 1`);
const publicLibraryDocument = await one(sql`
  select l.deliverable_id as id from library_documents l join deliverables d on d.id = l.deliverable_id
  where d.visibility = 'public' limit 1`);
/** An account the table may disable: Peru's focal point, whom no caller of this test signs in as. */
const peruUser = await one(sql`select id from users where email = 'partner.peru@demo.tandem.test'`);

/** The value of each path parameter: the resource before it names which fixture it is. */
function fillPath(url: string, attachment: string, partnerSession: string): string {
  return url.replace(/\/([^/]+)\/:(\w+)/g, (_whole, resource: string, param: string) => {
    const value =
      param === 'expertId'
        ? erik
        : param === 'periodId'
          ? ghanaPeriod
          : param === 'evidenceId'
            ? ghanaEvidence
            : param === 'expertId'
              ? erik
              : param === 'fileId'
                ? attachment
                : param === 'number'
                  ? '1'
                  : param === 'code'
                    ? resource === 'regions'
                      ? ghanaRegion
                      : 'thb'
                    : {
                        actions: ghanaAction,
                        activities: ghanaActivity,
                        deliverables:
                          resource === 'deliverables' && url.startsWith('/api/public/')
                            ? publicDeliverable
                            : ghanaDeliverable,
                        requests: ghanaRequest,
                        experts: erik,
                        notifications: officersNotification,
                        participations: ghanaParticipation,
                        people: ghanaPerson,
                        indicators: ghanaIndicator,
                        users: peruUser,
                        sessions: partnerSession,
                        library: url.startsWith('/api/public/')
                          ? publicLibraryDocument
                          : ghanaLibraryDocument,
                      }[resource];
    if (!value)
      throw new Error(`${url}: no fixture for :${param} after /${resource}/; add one to the access test`);
    return `/${resource}/${value}`;
  });
}

const SAFE = new Set(['GET', 'HEAD']);
const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD');
/*
 * Reads first; then changes, the ones that take records or sessions away (DELETE, sign-out) last,
 * so that each route meets the fixtures as the demo has them.
 */
const rank = (r: DeclaredRoute) =>
  SAFE.has(r.method) ? 0 : r.method === 'DELETE' ? 2 : r.url === '/api/auth/logout' ? 3 : 1;
routes.sort((a, b) => rank(a) - rank(b));

let who: Record<Caller, SignedInHeaders | undefined>;
let attachment: string;
/** A second session of partner A's, which the table may end without signing anyone out. */
let partnerSession: string;

beforeAll(async () => {
  const signedIn = await Promise.all(
    Object.entries(emails).map(async ([caller, email]) => [caller, await t.signIn(email)] as const),
  );
  who = { anonymous: undefined, ...Object.fromEntries(signedIn) } as typeof who;
  const pdf = multipartBody({}, { name: 'note.pdf', bytes: demoPdf('Note', ['Text.']) });
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/requests/${ghanaRequest}/attachments`,
    headers: { ...who.partnerA, ...pdf.headers },
    payload: pdf.payload,
  });
  if (uploaded.statusCode !== 201) throw new Error(`attachment upload failed: ${uploaded.body}`);
  attachment = uploaded.json().id;
  const second = await t.signIn(emails.partnerA);
  const listed = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: second });
  partnerSession =
    (listed.json().items as { id: string; current: boolean }[]).find((s) => s.current)?.id ?? '';
  // The files that the download routes serve: Erik's CV and the activity's report.
  for (const [url, fields] of [
    [`/api/experts/${erik}/cv`, {}],
    [`/api/activities/${ghanaActivity}/report`, { summary: 'The module was drafted.' }],
  ] as const) {
    const form = multipartBody(fields, { name: 'file.pdf', bytes: demoPdf('File', ['Text.']) });
    const sent = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.officer, ...form.headers },
      payload: form.payload,
    });
    if (sent.statusCode >= 300) throw new Error(`${url}: ${sent.body}`);
  }
});
afterAll(() => t.close());

const auditCount = async () =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`))[0]?.n ?? 0;

function call(route: DeclaredRoute, caller: Caller, body: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: route.method as 'GET',
    // Each caller from its own address, so that rate limits per address count each one apart.
    remoteAddress: `10.0.0.${callers.indexOf(caller) + 1}`,
    url: fillPath(route.url, attachment, partnerSession),
    headers: { ...(who[caller] ?? {}), ...(SAFE.has(route.method) ? {} : { 'if-match': '"1"' }) },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

function describeAnswer(response: LightMyRequestResponse) {
  return `${response.statusCode} ${response.body.slice(0, 300)}`;
}

describe('the access table', () => {
  it('lists every API route, each with an outcome for every caller', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) expect(Object.keys(route.access).sort()).toEqual([...callers].sort());
  });

  for (const route of routes) {
    it(`${route.method} ${route.url}`, async () => {
      const denied = callers.filter((c) => route.access[c] !== 'ok');
      const admitted = callers.filter((c) => route.access[c] === 'ok');
      const before = await auditCount();

      for (const caller of denied) {
        const expected = route.access[caller] as Exclude<Outcome, 'ok'>;
        // A body that passes validation, so that a refusal made by the service (a role the gate
        // admits for other records, a record out of scope) is reached too.
        const body = route.body ? exampleBody(route.body) : undefined;
        if (route.body && body === undefined) {
          throw new Error(`${route.method} ${route.url}: no example body passes its schema`);
        }
        const response = await call(route, caller, body);
        expect(response.statusCode, `${caller}: ${describeAnswer(response)}`).toBe(expected);
        expect(response.json().error.code, caller).toBeTypeOf('string');
      }
      expect(await auditCount(), 'a refused request wrote an audit event').toBe(before);

      for (const caller of admitted) {
        // A change is sent with a body its schema refuses: the 400 proves the caller got past access
        // control without changing anything. Reads (and changes without a body) are made for real.
        const response = await call(route, caller, route.body ? { '\u0000unexpected': true } : undefined);
        const answer = `${caller}: ${describeAnswer(response)}`;
        if (route.body) expect(response.statusCode, answer).toBe(400);
        else {
          expect([401, 403], answer).not.toContain(response.statusCode);
          expect(response.statusCode, answer).toBeLessThan(500);
          if (SAFE.has(route.method)) expect(response.statusCode, answer).not.toBe(404);
        }
      }
    });
  }
});
