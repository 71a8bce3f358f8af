// The generator stays true to the schema: at a tiny scale it fills two fresh PostgreSQL databases
// from one seed, which must hold the same rows, and the app must serve its lists from them.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { hashPassword } from '../server/kernel/auth/password.ts';
import { readConfig } from '../server/kernel/config.ts';
import { type Database, openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';
import { databaseUrl, onServer, uniqueName } from '../server/test/engines.ts';
import { type GeneratedCounts, generatePortfolio } from './generate.ts';

/** 5 Actions, 100 activities, 1,000 participations of 250 people, 25 requests, 50 documents. */
const SCALE = 0.0005;
const SEED = 4_242;

/** The generated tables, each as a digest of its rows (minus what the app's clock writes). */
const DIGESTS: Record<string, string> = {
  institutions: 'select t::text from institutions t',
  actions: 'select t::text from actions t',
  action_countries: 'select t::text from action_countries t',
  action_topics: 'select t::text from action_topics t',
  action_pillars: 'select t::text from action_pillars t',
  action_institutions: 'select t::text from action_institutions t',
  action_events: 'select t::text from action_events t',
  action_requests: 'select t::text from action_requests t',
  requests: 'select t::text from requests t',
  request_transitions: 'select t::text from request_transitions t',
  request_messages: 'select t::text from request_messages t',
  activities: 'select t::text from activities t',
  people: 'select t::text from people t',
  participations: 'select t::text from participations t',
  attendance: 'select t::text from attendance t',
  experts: 'select t::text from experts t',
  expert_topics: 'select t::text from expert_topics t',
  deployments: 'select t::text from deployments t',
  deployment_feedback: 'select t::text from deployment_feedback t',
  deliverables: 'select t::text from deliverables t',
  library_documents:
    'select (deliverable_id, language, text_config, body, search, published_at)::text from library_documents',
  // The chain's hashes start from the bootstrap's events, which carry the time they were written.
  audit_events: `select (id, at, actor_id, event, entity_type, entity_id, changes, content_hash)::text
                   from audit_events where event not in ('taxonomy.load', 'events.load_awareness_days')`,
};

async function digests(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const [table, rows] of Object.entries(DIGESTS)) {
      const { rows: out } = await client.query(
        `select count(*)::int as n, md5(coalesce(string_agg(r, '|' order by r), '')) as digest from (${rows}) x(r)`,
      );
      result[table] = `${out[0].n}:${out[0].digest}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('bench:generate at a tiny scale', () => {
  const names = [uniqueName('tandem_gen_test'), uniqueName('tandem_gen_test')];
  const generated: GeneratedCounts[] = [];
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let headers: Record<string, string>;
  let sameSeed: Array<Record<string, string>>;

  beforeAll(async () => {
    // Without the demo: then every row is the seed's, and the two databases can be compared whole.
    for (const name of names) {
      generated.push(await generatePortfolio(databaseUrl(name), { scale: SCALE, seed: SEED, demo: false }));
    }
    // Compared before the app signs in (a sign-in is audited).
    sameSeed = [
      await digests(databaseUrl(names[0] as string)),
      await digests(databaseUrl(names[1] as string)),
    ];
    const [first] = generated as [GeneratedCounts];
    database = await openDatabase({ databaseUrl: first.databaseUrl, poolSize: 2 });
    const config = { ...readConfig({}), webDir: '/nonexistent', demo: true, filesDir: first.filesDir };
    app = await buildApp({ database, config, storage: new DiskStorage(first.filesDir), logger: false });
    await app.ready();
    // A demo-domain account in demo mode signs in without a second factor, as the demo's own do.
    const password = 'a generated portfolio';
    const client = new pg.Client({ connectionString: first.databaseUrl });
    await client.connect();
    await client.query(
      `insert into users (email, name, role, password_hash) values ('bench.admin@demo.tandem.test', 'Bench admin', 'admin', $1)`,
      [await hashPassword(password)],
    );
    await client.end();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'bench.admin@demo.tandem.test', password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'tandem_session');
    headers = { cookie: `tandem_session=${cookie?.value}`, 'x-csrf-token': login.json().csrfToken };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await onServer(async (client) => {
      for (const name of names) await client.query(`drop database if exists ${name} with (force)`);
    });
    for (const run of generated) rmSync(run.filesDir, { recursive: true, force: true });
  });

  it('makes the counts of its scale, exactly where the issue names them', () => {
    const [{ tables, sizes }] = generated as [GeneratedCounts];
    expect(sizes).toMatchObject({
      actions: 5,
      activities: 100,
      participations: 1000,
      people: 250,
      requests: 25,
    });
    expect(tables.actions).toBe(5);
    expect(tables.activities).toBe(100);
    expect(tables.requests).toBe(25);
    expect(tables.people).toBe(250);
    expect(tables.participations).toBe(1000);
    expect(tables.experts).toBe(10);
    expect(tables.deliverables).toBe(50);
    // Deployments that would repeat an expert on an activity are left out: nearly all are made.
    expect(tables.deployments).toBeGreaterThan(45);
    expect(tables.attendance).toBeGreaterThan(tables.participations ?? 0);
    expect(generated[0]?.auditEvents).toBeGreaterThan(100);
  });

  it('makes the same rows from the same seed', () => {
    const [left, right] = sameSeed as [Record<string, string>, Record<string, string>];
    expect(Object.keys(left).filter((table) => left[table] !== right[table])).toEqual([]);
    expect(right).toEqual(left);
  });

  it('writes rows the app reads: statuses, links and the audit chain', async () => {
    const client = new pg.Client({ connectionString: generated[0]?.databaseUrl });
    await client.connect();
    try {
      const one = async (query: string) => (await client.query(query)).rows[0];
      // Every Action came from an approved request, and its activities lie within it.
      expect(
        await one(`select count(*)::int as n from actions a
                     join action_requests ar on ar.action_id = a.id
                     join requests r on r.id = ar.request_id and r.status = 'approved'`),
      ).toEqual({ n: 5 });
      // Each request's history ends in its status.
      expect(
        await one(`select count(*)::int as n from requests r
                    where r.status <> (select to_status from request_transitions t where t.request_id = r.id
                                        order by created_at desc limit 1)`),
      ).toEqual({ n: 0 });
      // Attendance is only recorded on the days of held activities.
      expect(
        await one(`select count(*)::int as n from attendance x
                     join participations p on p.id = x.participation_id join activities a on a.id = p.activity_id
                    where x.day not between a.start_date and a.end_date or a.status not in ('held', 'reported')`),
      ).toEqual({ n: 0 });
      // Who was trained, filled after the bulk load, is what the rule says: the same rows, some of them.
      expect(
        await one(`select (select count(*)::int from trained_participations) > 0 as some,
                          (select count(*)::int from ((table trained_participations except table trained_participation_rule)
                             union all (table trained_participation_rule except table trained_participations)) d) as differ`),
      ).toEqual({ some: true, differ: 0 });
      // And the people counted under each key, recounted once after it, are what the rule says.
      expect(
        await one(`with held as (select person_id, sex, unnest(keys) as code from trained_people_key_sets),
                            wanted as (select person_id, sex, filter || '|' || breakdown || '|' || key as code
                                         from trained_people_key_rule)
                   select (select count(*)::int from ((table held except table wanted)
                             union all (table wanted except table held)) d) as differ,
                          (select count(*)::int from (
                             (select code, sex, count(*) from held group by 1, 2
                               except select filter || '|' || breakdown || '|' || key, sex, sum(people)
                                        from trained_people_counts group by 1, 2)
                             union all
                             (select filter || '|' || breakdown || '|' || key, sex, sum(people)
                                from trained_people_counts group by 1, 2
                               except select code, sex, count(*) from held group by 1, 2)) d) as miscounted`),
      ).toEqual({ differ: 0, miscounted: 0 });
      // Who was deployed where and when, filled after the deployments, is what the rule says.
      expect(
        await one(`select (select count(*)::int from deployed_experts) > 0 as some,
                          (select count(*)::int from ((table deployed_experts except table deployed_expert_rule)
                             union all (table deployed_expert_rule except table deployed_experts)) d) as differ`),
      ).toEqual({ some: true, differ: 0 });
      // Their counts, filled after them, are what counting them gives.
      expect(
        await one(`select (select count(*)::int from deployed_expert_count_rule) > 1 as some,
                          (select count(*)::int from ((select year, sum(experts)::int from deployed_expert_counts group by year
                               except table deployed_expert_count_rule)
                             union all (table deployed_expert_count_rule
                               except select year, sum(experts)::int from deployed_expert_counts group by year)) d) as differ`),
      ).toEqual({ some: true, differ: 0 });
      // Each request's funnel stages, filled after the histories, are what the rule says.
      expect(
        await one(`select (select count(*)::int from request_stages) > 0 as some,
                          (select count(*)::int from ((table request_stages except table request_stage_rule)
                             union all (table request_stage_rule except table request_stages)) d) as differ`),
      ).toEqual({ some: true, differ: 0 });
    } finally {
      await client.end();
    }
    const { verifyAuditChain } = await import('../server/kernel/audit/audit-chain.ts');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it.each([
    '/api/actions',
    '/api/activities',
    '/api/requests',
    '/api/experts',
    '/api/library?q=trafficking',
    '/api/library?q=protection',
  ])('serves %s with a non-empty list', async (url) => {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const items = body.items ?? body.results ?? body;
    expect(Array.isArray(items) ? items.length : 0).toBeGreaterThan(0);
  });

  it.each(['/api/dashboard', '/api/portfolio/results', '/api/public/stats'])(
    'serves %s with the portfolio counted',
    async (url) => {
      const response = await app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toBe('{}');
    },
  );
});
