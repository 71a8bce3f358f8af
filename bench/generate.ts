// The full-size portfolio for the benchmarks: twenty years of a busy facility (10,000 Actions,
// 200,000 activities, 2,000,000 participations of 500,000 people, 20,000 experts with 100,000
// deployments, 100,000 library documents, 50,000 requests with their histories, and the audit log of
// it all), deterministic from a seed, bulk-loaded into a PostgreSQL database that stays for the
// benchmarks (`npm run bench:generate -- [--scale 1] [--seed N] [--database-url URL]`).
// How and why it loads the way it does: docs/decisions/100-benchmark-data-generation.md.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bootstrapFacility } from '../server/db/bootstrap.ts';
import { openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';
import { GENERATION_DAY, portfolioSteps, type Sizes, type Step, sizesAt } from './generate-sql.ts';
import { generateLibrary } from './library-generate.ts';

export { FULL_SIZE, GENERATION_DAY } from './generate-sql.ts';

/** The database the benchmarks run on; each generation replaces it. */
export const BENCH_FULL_DATABASE = 'tandem_bench_full';
export const BENCH_SERVER_URL =
  process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_SEED = 20_261_129;
export const MIN_SCALE = 0.0005;

/** The URL of the benchmarks' database on the benchmark server. */
export function benchFullDatabaseUrl(serverUrl = BENCH_SERVER_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_FULL_DATABASE}`;
  return url.toString();
}

/** Where the demo's uploaded files of a generated database are kept (the app's FILES_DIR for it). */
export const filesDirFor = (databaseName: string) =>
  path.join(tmpdir(), `tandem-bench-files-${databaseName}`);

export interface GenerateOptions {
  /** 1 = the sizes; 0.1 = a tenth of every count. */
  scale: number;
  seed: number;
  log?: (line: string) => void;
  /**
   * Load the demo accounts and portfolio first (default), so that the benchmarks and tests can sign
   * in; without them the database holds only what the seed makes (and the taxonomies).
   */
  demo?: boolean;
}

/** What was made: the rows the generator wrote (the demo's are not counted), and every table's total. */
export interface GeneratedCounts {
  databaseUrl: string;
  filesDir: string;
  scale: number;
  seed: number;
  /** The target sizes at this scale. */
  sizes: Sizes;
  /** Every table's row count after generation, demo rows included. */
  tables: Record<string, number>;
  auditEvents: number;
  steps: Array<{ name: string; seconds: number }>;
  seconds: number;
}

/** Tables whose totals are printed, in the order of the portfolio. */
const COUNTED_TABLES = [
  'institutions',
  'requests',
  'request_transitions',
  'request_messages',
  'actions',
  'action_countries',
  'action_topics',
  'action_events',
  'activities',
  'people',
  'participations',
  'attendance',
  'trained_participations',
  'experts',
  'deployments',
  'deployment_feedback',
  'deliverables',
  'library_documents',
  'audit_events',
];

/** Creates the database named by `databaseUrl` afresh (dropping any of that name), migrated and bootstrapped. */
async function createFresh(databaseUrl: string, demo: boolean): Promise<string> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name the generator makes: ${name}`);
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const filesDir = filesDirFor(name);
  mkdirSync(filesDir, { recursive: true });
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    await database.migrate();
    await bootstrapFacility(database.db, { demo, storage: new DiskStorage(filesDir) });
  } finally {
    await database.close();
  }
  return filesDir;
}

/**
 * The audit log of what was generated: the events the app writes for each change, in the order of
 * their times, appended to the hash chain. The chain is computed here in bulk (the database's
 * trigger, which locks and updates the chain's head row once per event, would make a million-row
 * insert crawl), with exactly the trigger's canonical form, so `tandem audit verify` checks it.
 */
const AUDIT_STAGING = [
  `create unlogged table bench_gen.audit (at timestamptz not null, event text not null, entity_type text not null,
                                          entity_id text, changes jsonb not null)`,
  // Requests: created, each step, and the Action made from the approved ones.
  `insert into bench_gen.audit
   select t.created_at, 'request.create', 'request', t.request_id::text,
          jsonb_build_object('number', r.number, 'channel', r.channel,
                             'fields', '["title","problem","expectedChange","countries","topics","targetGroups"]'::jsonb)
     from request_transitions t join requests r on r.id = t.request_id
    where t.from_status is null and exists (select 1 from bench_gen.requests g where g.id = t.request_id)`,
  `insert into bench_gen.audit
   select t.created_at,
          'request.' || case
            when t.to_status = 'withdrawn' then 'withdraw' when t.to_status = 'submitted' then 'submit'
            when t.to_status = 'screening' and t.from_status = 'clarification' then 'resubmit'
            when t.to_status = 'screening' then 'start-screening' when t.to_status = 'clarification' then 'ask-clarification'
            when t.to_status = 'steering_review' then 'send-to-steering' when t.to_status = 'approved' then 'approve'
            else 'decline' end,
          'request', t.request_id::text,
          jsonb_strip_nulls(jsonb_build_object('from', t.from_status, 'to', t.to_status, 'reason', t.reason))
     from request_transitions t
    where t.from_status is not null and exists (select 1 from bench_gen.requests g where g.id = t.request_id)`,
  `insert into bench_gen.audit
   select ar.created_at, 'request.create_action', 'request', ar.request_id::text,
          jsonb_build_object('actionId', a.id, 'actionName', a.name)
     from action_requests ar join bench_gen.actions a on a.id = ar.action_id`,
  `insert into bench_gen.audit
   select e.at, 'action.' || case e.kind when 'action.started' then 'start' when 'action.closing' then 'close'
                                        when 'action.completed' then 'complete' when 'action.cancelled' then 'cancel'
                                        else 'suspend' end,
          'action', e.action_id::text, jsonb_build_object('status', jsonb_build_array(e.details ->> 'from', e.details ->> 'to'))
     from action_events e join bench_gen.actions a on a.id = e.action_id`,
  // Activities: created, their participants imported, attendance recorded, reported.
  `insert into bench_gen.audit
   select x.created_at, 'activity.create', 'activity', x.id::text,
          jsonb_build_object('actionId', x.action_id, 'type', x.type, 'title', x.title, 'startDate', x.start_date,
                             'endDate', x.end_date, 'modality', x.modality, 'countryCode', x.country_code,
                             'workingLanguages', to_jsonb(x.working_languages))
     from activities x join bench_gen.activities g on g.id = x.id`,
  `insert into bench_gen.audit
   select (g.start - 7) + time '09:00', 'participation.import', 'activity', g.id::text,
          jsonb_build_object('mode', 'add', 'rows', g.last - g.first, 'participations', g.last - g.first,
                             'newPeople', greatest(0, least(g.last, (select count(*) from people)) - g.first),
                             'skippedRows', '[]'::jsonb)
     from bench_gen.activities g where g.last > g.first`,
  // The app records each attendance entry; here the count of entries stands for them (the decision
  // record says why).
  `insert into bench_gen.audit
   select (g.start + g.days) + time '09:00', 'attendance.record', 'activity', g.id::text,
          jsonb_build_object('entries', (g.last - g.first) * g.days)
     from bench_gen.activities g where g.last > g.first and g.status in ('held', 'reported')`,
  `insert into bench_gen.audit
   select x.reported_at, 'activity.report', 'activity', x.id::text,
          jsonb_build_object('status', '["held","reported"]'::jsonb, 'reportFileId', null,
                             'summaryLength', length(x.report_summary))
     from activities x join bench_gen.activities g on g.id = x.id where x.status = 'reported'`,
  // The library's deliverables (the demo's, made by the app, were audited as it made them): created,
  // validated, published, indexed.
  `insert into bench_gen.audit
   select d.created_at, 'deliverable.create', 'deliverable', d.id::text,
          jsonb_build_object('actionId', d.action_id, 'type', d.type, 'title', d.title, 'languages', to_jsonb(d.languages),
                             'visibility', d.visibility)
     from deliverables d where d.created_at < timestamptz '${GENERATION_DAY}'`,
  `insert into bench_gen.audit
   select d.validated_at, 'deliverable.validate', 'deliverable', d.id::text, '{"status":["partner_review","validated"]}'::jsonb
     from deliverables d where d.created_at < timestamptz '${GENERATION_DAY}' and d.status in ('validated', 'published')`,
  `insert into bench_gen.audit
   select d.published_at, 'deliverable.publish', 'deliverable', d.id::text, '{"status":["validated","published"]}'::jsonb
     from deliverables d where d.created_at < timestamptz '${GENERATION_DAY}' and d.status = 'published'`,
  `insert into bench_gen.audit
   select l.published_at + interval '1 minute', 'library.index', 'deliverable', l.deliverable_id::text,
          jsonb_build_object('version', l.version_number, 'language', l.language, 'extraction', l.extraction,
                             'characters', length(l.body))
     from library_documents l join deliverables d on d.id = l.deliverable_id
    where d.created_at < timestamptz '${GENERATION_DAY}'`,
  // Experts, deployments and feedback.
  `insert into bench_gen.audit
   select e.created_at, 'expert.create', 'expert', e.id::text,
          '{"fields":["fullName","gender","email","administration","countryCode","nationality","publicSectorStatus","languages","topics","skills","countries"]}'::jsonb
     from experts e where e.email like 'expert.%@example.org'`,
  `insert into bench_gen.audit
   select d.created_at, 'deployment.create', 'deployment', d.id::text,
          jsonb_build_object('expertId', d.expert_id, 'activityId', d.activity_id, 'role', d.role, 'days', d.days)
     from deployments d join bench_gen.deployable g on g.id = d.activity_id`,
  `insert into bench_gen.audit
   select f.created_at, 'deployment.feedback', 'deployment', f.deployment_id::text, jsonb_build_object('score', f.score)
     from deployment_feedback f join deployments d on d.id = f.deployment_id join bench_gen.deployable g on g.id = d.activity_id`,
];

const CHAIN_PAGE = 20_000;

/** Appends the staged events to the audit chain: ids after the last one, hashes as the trigger makes them. */
async function appendAuditChain(client: pg.Client, actorId: string | null): Promise<number> {
  await client.query('begin');
  try {
    // The head row is locked, as the trigger locks it: no other writer can append meanwhile.
    const head = (
      await client.query('select last_id::text, hash from audit_chain_head where singleton = 1 for update')
    ).rows[0] as { last_id: string; hash: string } | undefined;
    if (!head) throw new Error('the audit chain has no head row');
    const base = Number(
      (
        await client.query(
          `select greatest((select coalesce(max(id), 0) from audit_events),
                           (select last_value from audit_events_id_seq))::text as base`,
        )
      ).rows[0].base,
    );
    await client.query(
      `create unlogged table bench_gen.audit_chain as
         select ${base} + row_number() over (order by at, event, entity_type, entity_id) as id, at,
                $1::uuid as actor_id, event, entity_type, entity_id, changes,
                encode(sha256(convert_to(changes::text, 'UTF8')), 'hex') as content_hash
           from bench_gen.audit`,
      [actorId],
    );
    await client.query('alter table bench_gen.audit_chain add primary key (id)');
    const total = Number(
      (await client.query('select count(*)::int as n from bench_gen.audit_chain')).rows[0].n,
    );
    // Only for this transaction: the chain trigger is skipped, since the hashes come with the rows.
    await client.query('set local session_replication_role = replica');
    let previous = head.hash;
    for (let from = base + 1; from <= base + total; from += CHAIN_PAGE) {
      const page = await client.query(
        `select c.id::text as id, audit_field(c.id::text)
                  || audit_field(to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                  || audit_field(actor_id::text) || audit_field(event) || audit_field(entity_type)
                  || audit_field(entity_id) || audit_field(content_hash) as rest
           from bench_gen.audit_chain c where c.id between $1 and $2 order by c.id`,
        [from, from + CHAIN_PAGE - 1],
      );
      const ids: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of page.rows as Array<{ id: string; rest: string }>) {
        // The trigger's canonical form: each field length-prefixed, the previous hash first.
        const hash = createHash('sha256')
          .update(`${Buffer.byteLength(previous)}:${previous}${row.rest}`)
          .digest('hex');
        ids.push(row.id);
        prevs.push(previous);
        hashes.push(hash);
        previous = hash;
      }
      await client.query(
        `insert into audit_events (id, at, actor_id, event, entity_type, entity_id, changes, content_hash, prev_hash, hash)
         select c.id, c.at, c.actor_id, c.event, c.entity_type, c.entity_id, c.changes, c.content_hash, u.prev, u.hash
           from unnest($1::bigint[], $2::text[], $3::text[]) u(id, prev, hash) join bench_gen.audit_chain c on c.id = u.id
          order by c.id`,
        [ids, prevs, hashes],
      );
    }
    await client.query('update audit_chain_head set last_id = $1, hash = $2 where singleton = 1', [
      base + total,
      previous,
    ]);
    await client.query(`select setval('audit_events_id_seq', $1)`, [base + total]);
    await client.query('commit');
    return total;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** A step's statements; with its tables' foreign keys dropped and added again, all in one transaction. */
async function runStep(client: pg.Client, step: Step): Promise<void> {
  const tables = step.foreignKeysAfter ?? [];
  if (!tables.length) {
    for (const statement of step.statements) await client.query(statement);
    return;
  }
  await client.query('begin');
  try {
    // The keys as the migrations made them, so that they come back exactly (and are checked on adding).
    const keys = (
      await client.query(
        `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
           from pg_constraint where contype = 'f' and conrelid = any($1::regclass[]) order by conname`,
        [tables],
      )
    ).rows as Array<{ table_name: string; conname: string; definition: string }>;
    for (const key of keys)
      await client.query(`alter table ${key.table_name} drop constraint "${key.conname}"`);
    for (const statement of step.statements) await client.query(statement);
    for (const key of keys) {
      await client.query(`alter table ${key.table_name} add constraint "${key.conname}" ${key.definition}`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

async function countTables(client: pg.Client): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    tables[table] = Number((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n);
  }
  return tables;
}

/**
 * Fills a fresh database at `databaseUrl` (dropped first if it exists) with a portfolio at `scale`,
 * the same rows for the same seed. Returns the counts and the time of each step.
 */
export async function generatePortfolio(
  databaseUrl: string,
  options: GenerateOptions,
): Promise<GeneratedCounts> {
  const { scale, seed } = options;
  // Below this, an activity's participants could outnumber the people, and a person would repeat.
  if (!(scale >= MIN_SCALE)) throw new Error(`the scale must be at least ${MIN_SCALE}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('the seed must be a non-negative integer');
  const log = options.log ?? (() => {});
  const sizes = sizesAt(scale);
  const steps: GeneratedCounts['steps'] = [];
  const started = performance.now();
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const stepStarted = performance.now();
    const result = await run();
    const seconds = (performance.now() - stepStarted) / 1000;
    steps.push({ name, seconds });
    log(`${name.padEnd(16)} ${seconds.toFixed(1).padStart(7)} s`);
    return result;
  };

  const filesDir = await timed('create, migrate', () => createFresh(databaseUrl, options.demo ?? true));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Times are written as UTC days and hours, whatever the server's zone.
    await client.query("set timezone = 'UTC'");
    await client.query("set work_mem = '64MB'");
    await client.query("set maintenance_work_mem = '256MB'");
    // The plans are simple and the estimates of generate_series huge: compiling them only costs time.
    await client.query('set jit = off');
    for (const step of portfolioSteps(sizes, seed)) {
      await timed(step.name, () => runStep(client, step));
    }
    await timed('library', () =>
      generateLibrary(databaseUrl, { documents: sizes.libraryDocuments, seed, actions: 'existing' }),
    );
    const staffId = (await client.query('select staff_id from bench_gen.lists')).rows[0].staff_id as
      | string
      | null;
    const auditEvents = await timed('audit log', async () => {
      for (const statement of AUDIT_STAGING) await client.query(statement);
      return appendAuditChain(client, staffId);
    });
    await timed('analyze, tidy', async () => {
      await client.query('drop schema bench_gen cascade');
      await client.query('vacuum analyze');
    });
    const tables = await countTables(client);
    return {
      databaseUrl,
      filesDir,
      scale,
      seed,
      sizes,
      tables,
      auditEvents,
      steps,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'database-url': { type: 'string', default: benchFullDatabaseUrl() },
      // The database always stays (the benchmarks run on it); accepted so that scripts can say so.
      keep: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const url = values['database-url'] as string;
  console.log(`Generating a portfolio at scale ${scale} (seed ${seed}) into ${url}`);
  const generated = await generatePortfolio(url, { scale, seed, log: (line) => console.log(line) });
  console.log(`\n${'table'.padEnd(22)} rows`);
  for (const [table, rows] of Object.entries(generated.tables)) {
    console.log(`${table.padEnd(22)} ${rows.toLocaleString('en').padStart(12)}`);
  }
  console.log(`\nTotal ${generated.seconds.toFixed(1)} s. The database stays for the benchmarks:`);
  console.log(`DATABASE_URL=${generated.databaseUrl} TANDEM_FILES_DIR=${generated.filesDir} TANDEM_DEMO=1`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
