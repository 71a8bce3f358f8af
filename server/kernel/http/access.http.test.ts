import { type SQL, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../demo/demo-pdf.ts';
import { exampleBody } from '../../test/example-body.ts';
import { createTestApp, demoAccounts, type SignedInHeaders } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { type Caller, callers, type DeclaredRoute, type Outcome } from './access.ts';

/*
 * Generated from the route table: every API route, called as every kind of caller, must answer
 * what it declares. The records are partner A's (Ghana's Action Ghana III, its held activity on which
 * the demo expert is deployed and whose report is filed, its first deliverable, its request in
 * clarification, an indicator with evidence); partner B is Jordan's focal point.
 */

const t = await createTestApp();
const emails: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: demoAccounts.admin,
  officer: demoAccounts.officer,
  steering: demoAccounts.steering,
  partnerA: demoAccounts.ghana,
  partnerB: demoAccounts.jordan,
  expert: demoAccounts.expert,
};

async function one(query: SQL): Promise<string> {
  const [row] = await t.rows<{ id: string }>(query);
  if (!row) throw new Error(`no fixture for ${JSON.stringify(query)}`);
  return row.id;
}

const ghanaAction = await one(sql`select id from actions where name = 'Ghana III'`);
const erik = await one(sql`
  select e.id from experts e join users u on u.id = e.user_id where u.email = ${emails.expert}`);
const ghanaActivity = await one(sql`
  select d.activity_id as id from deployments d join activities a on a.id = d.activity_id
  where a.action_id = ${ghanaAction} and d.expert_id = ${erik} and a.status = 'held' limit 1`);
const ghanaRequest = await one(sql`
  select r.id from requests r join users u on u.id = r.created_by
  where u.email = ${emails.partnerA} and r.status = 'clarification' limit 1`);
const ghanaParticipation = await one(sql`
  select p.id from participations p join activities a on a.id = p.activity_id
  join people pe on pe.id = p.person_id
  where a.action_id = ${ghanaAction}
    and pe.institution_id = (select institution_id from users where email = ${emails.partnerA})
  order by p.id limit 1`);
const ghanaIndicator = await one(sql`
  select p.indicator_id as id from indicator_evidence e join indicator_periods p on p.id = e.period_id
  join indicators i on i.id = p.indicator_id where i.action_id = ${ghanaAction} limit 1`);

/** The record each path parameter names, by the resource before it (`/actions/:id`) or its name. */
const byResource: Record<string, string> = {
  actions: ghanaAction,
  activities: ghanaActivity,
  deliverables: await one(sql`
    select id from deliverables where action_id = ${ghanaAction} order by created_at limit 1`),
  requests: ghanaRequest,
  experts: erik,
  /** Notifications are their recipient's alone: this one is the officer's. */
  notifications: await one(sql`
    select n.id from notifications n join users u on u.id = n.user_id where u.email = ${emails.officer}
    limit 1`),
  participations: ghanaParticipation,
  people: await one(sql`select person_id as id from participations where id = ${ghanaParticipation}`),
  indicators: ghanaIndicator,
  /** A published document of an earlier Ghana Action that only its partner (and the staff) may read. */
  library: await one(sql`
    select l.deliverable_id as id from library_documents l
    join deliverables d on d.id = l.deliverable_id join actions a on a.id = d.action_id
    where d.visibility = 'partner' and a.name like 'Ghana%' limit 1`),
  /** An account the table may disable: Peru's focal point, whom no caller of this test signs in as. */
  users: await one(sql`select id from users where email = ${demoAccounts.peru}`),
  regions: await one(sql`select region_code as id from countries where code = 'GH'`),
  topics: 'thb',
};
/** Under /api/public/ the records are the public ones. */
const byPublicResource: Record<string, string> = {
  deliverables: await one(sql`
    select id from deliverables where status = 'published' and visibility = 'public' limit 1`),
  library: await one(sql`
    select l.deliverable_id as id from library_documents l join deliverables d on d.id = l.deliverable_id
    where d.visibility = 'public' limit 1`),
};
const byParam: Record<string, string> = {
  expertId: erik,
  number: '1',
  periodId: await one(sql`
    select p.id from indicator_periods p join indicator_evidence e on e.period_id = p.id
    where p.indicator_id = ${ghanaIndicator} limit 1`),
  evidenceId: await one(sql`
    select e.id from indicator_evidence e join indicator_periods p on p.id = e.period_id
    where p.indicator_id = ${ghanaIndicator} limit 1`),
};

function fillPath(url: string): string {
  const records = url.startsWith('/api/public/') ? { ...byResource, ...byPublicResource } : byResource;
  return url.replace(/\/([^/]+)\/:(\w+)/g, (_whole, resource: string, param: string) => {
    const value = byParam[param] ?? records[resource];
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

/** Uploads a small PDF as the given caller and answers the created record. */
async function upload(
  url: string,
  headers: SignedInHeaders | undefined,
  fields: Record<string, string> = {},
) {
  const form = multipartBody(fields, { name: 'file.pdf', bytes: demoPdf('File', ['Text.']) });
  const sent = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
  if (sent.statusCode >= 300) throw new Error(`${url}: ${sent.body}`);
  return sent.json();
}

beforeAll(async () => {
  const signedIn = await Promise.all(
    Object.entries(emails).map(async ([caller, email]) => [caller, await t.signIn(email)] as const),
  );
  who = { anonymous: undefined, ...Object.fromEntries(signedIn) } as typeof who;
  // The files that the download routes serve: an attachment of the request, Erik's CV, the report.
  byParam.fileId = (await upload(`/api/requests/${ghanaRequest}/attachments`, who.partnerA)).id;
  await upload(`/api/experts/${erik}/cv`, who.officer);
  await upload(`/api/activities/${ghanaActivity}/report`, who.officer, {
    summary: 'The module was drafted.',
  });
  // A second session of partner A's, which the table may end without signing anyone out.
  const second = await t.signIn(emails.partnerA);
  const listed = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: second });
  byResource.sessions =
    (listed.json().items as { id: string; current: boolean }[]).find((s) => s.current)?.id ?? '';
});
afterAll(() => t.close());

const auditCount = async () =>
  (await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_events`))[0]?.n ?? 0;

function call(route: DeclaredRoute, caller: Caller, body: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: route.method as 'GET',
    // Each caller from its own address, so that rate limits per address count each one apart.
    remoteAddress: `10.0.0.${callers.indexOf(caller) + 1}`,
    url: fillPath(route.url),
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
