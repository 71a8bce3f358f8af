import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, demoAccounts, type SignedInHeaders } from '../../test/harness.ts';
import { hostileBody, hostileEncoding, hostileParam, hostileQuery } from '../../test/hostile-input.ts';
import { multipartBody } from '../../test/multipart.ts';
import type { Caller, DeclaredRoute } from './access.ts';

/*
 * Every route, fed generated hostile input (wrong types, missing and extra fields, huge strings, deep
 * nesting, unicode edge cases, injection-looking text, numbers out of range, broken encodings) by a
 * caller it admits, so that the input reaches validation and the service: never a 5xx, a refusal
 * always in the error format, and a refused request writes nothing. FUZZ_RUNS sets the cases per
 * route (`npm run fuzz` runs many more than CI).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
/** CI replays the same cases every time; `npm run fuzz` draws new ones (the seed is in any failure). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const t = await createTestApp();
const accounts: Partial<Record<Caller, string>> = {
  admin: demoAccounts.admin,
  officer: demoAccounts.officer,
  steering: demoAccounts.steering,
  partnerA: demoAccounts.ghana,
  expert: demoAccounts.expert,
};
const sessions = new Map<Caller, SignedInHeaders>();

/** Every table's row count but the sessions' (signing in is not a change of the facility's data). */
let countAll: SQL;
async function fingerprint(): Promise<string> {
  return JSON.stringify(await t.rows(countAll));
}

beforeAll(async () => {
  const tables = await t.rows<{ name: string }>(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions'
    order by table_name`);
  countAll = sql.raw(
    `select ${tables.map((t) => `(select count(*) from "${t.name}") as "${t.name}"`).join(', ')}`,
  );
});
afterAll(() => t.close());

/** The caller that gets furthest into a route: the first one its access table admits. */
function callerFor(route: DeclaredRoute): Caller {
  const order: Caller[] = ['admin', 'officer', 'steering', 'partnerA', 'expert', 'anonymous'];
  return order.find((c) => route.access[c] === 'ok') ?? 'anonymous';
}

/** The caller's session headers, signing in first when it has none (a sign-in is audited). */
async function headersOf(caller: Caller): Promise<{ headers: Record<string, string>; signedInNow: boolean }> {
  const email = accounts[caller];
  const session = sessions.get(caller);
  if (!email || session) return { headers: session ?? {}, signedInNow: false };
  const fresh = await t.signIn(email);
  sessions.set(caller, fresh);
  return { headers: fresh, signedInNow: true };
}

const queryKeys = (schema: unknown) =>
  schema
    ? Object.keys(
        (
          z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as {
            properties?: object;
          }
        ).properties ?? {},
      )
    : [];

function encode(
  encoding: string,
  body: unknown,
): { payload?: string | Buffer; headers: Record<string, string> } {
  switch (encoding) {
    case 'json':
      return { payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } };
    case 'broken-json':
      return { payload: '{"title": "unfinished', headers: { 'content-type': 'application/json' } };
    case 'multipart':
      return multipartBody({ note: String(JSON.stringify(body)).slice(0, 200) });
    default:
      return { payload: String(JSON.stringify(body)), headers: { 'content-type': 'text/plain' } };
  }
}

function check(response: LightMyRequestResponse, what: string) {
  const answer = `${what} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, answer).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const error = (response.json() as { error?: { code?: unknown; message?: unknown } }).error;
    expect(error?.code, answer).toBeTypeOf('string');
    expect(error?.message, answer).toBeTypeOf('string');
  }
}

const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD');

describe('hostile input', () => {
  for (const route of routes) {
    it(`${route.method} ${route.url}`, async () => {
      const caller = callerFor(route);
      const params = route.url.match(/:\w+/g) ?? [];
      let baseline = await fingerprint();
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostileParam, { minLength: params.length, maxLength: params.length }),
          hostileQuery(queryKeys(route.query)),
          hostileBody(route.body),
          hostileEncoding,
          async (values, query, body, encoding) => {
            let url = route.url;
            params.forEach((param, i) => {
              url = url.replace(
                param,
                encodeURIComponent(String(values[i]).replace(/[\uD800-\uDFFF]/g, '\uFFFD')),
              );
            });
            const sent = route.method === 'GET' ? { headers: {} } : encode(encoding, body);
            const { headers, signedInNow } = await headersOf(caller);
            if (signedInNow) baseline = await fingerprint();
            const response = await t.app.inject({
              method: route.method as 'GET',
              url,
              query,
              headers: { ...headers, ...sent.headers, 'if-match': '"1"' },
              ...(sent.payload === undefined ? {} : { payload: sent.payload }),
            });
            const what = `${caller} ${route.method} ${url}?${new URLSearchParams(query)} ${encoding}`;
            check(response, what);
            // A refused request leaves every table as it was; an accepted one sets the new baseline.
            if (response.statusCode >= 400)
              expect(JSON.parse(await fingerprint()), `${what} wrote data`).toEqual(JSON.parse(baseline));
            else baseline = await fingerprint();
            // Signing out ends the session this test uses; the next case signs in again.
            if (route.url === '/api/auth/logout') sessions.delete(caller);
          },
        ),
        // Shrinking replays a failing case many times over; the first counterexample says enough.
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
