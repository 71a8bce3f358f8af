// Library search at scale: 100,000 documents in five languages (bench/library-generate.ts). The
// public search endpoint under load (autocannon, a moderate concurrency, queries that include very
// common words), its p95 printed beside a plain indexed lookup on the same database; then each
// query alone, so that the cost of a common word shows beside a rare one.
//
// BENCH_LIBRARY_KEEP=1 keeps the loaded database (tandem_bench_library) after the run, and a later run
// with it reuses that database when it holds a complete load of the same size (migrated to the
// current schema first), so that one can measure again without loading 100,000 documents again.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bootstrapFacility } from '../server/db/bootstrap.ts';
import { openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';
import {
  freePort,
  loadWithLatencies,
  percentile,
  printTable,
  startServer,
  stopProcess,
  waitForOk,
} from './lib.ts';
import {
  type GeneratedLibrary,
  generateLibrary,
  LIBRARY_DOCUMENTS,
  SERVER_URL,
  VOCABULARY,
  withLibraryDatabase,
} from './library-generate.ts';

export const LIBRARY_BUDGET_MS = 50;
const CONNECTIONS = Number(process.env.BENCH_LIBRARY_CONNECTIONS || 8);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
/** More different searches than the server answers in SECONDS at this concurrency, in each run. */
const NEVER_ASKED = 6_000;
/** The steady load: searches a second, all never asked before (about 8.6 million a day at 100). */
const STEADY_RATE = Number(process.env.BENCH_LIBRARY_RATE || 100);

/** Words people search for, the commonest first: stop words, the field's own words, rare names. */
export const LIBRARY_QUERIES = [
  'the',
  'de',
  'la',
  'trafficking',
  'migrantes',
  'traite des victimes',
  'victims protection',
  '"border post"',
  'tráfico de migrantes',
  'الاتجار بالبشر',
  'passport fraud -visa',
  'interpreter confidential consent',
  'kalomi',
  'rutas traficantes',
];
const FILTERS = ['', '&language=en', '&type=handbook', '&year=2020', '&language=es&type=guidelines'];

/**
 * Searches that no one has asked before, so that none is answered from the kept answers: two words
 * of one language's vocabulary (past its function words), each pair once, the languages in turn,
 * each language with each filter in turn.
 */
export function neverAskedSearches(count: number): string[] {
  const pairsByLanguage = Object.values(VOCABULARY).map(({ words }) => {
    const field = [...new Set(words.slice(20, 100))];
    return field.flatMap((first, i) => field.slice(i + 1).map((second) => `${first} ${second}`));
  });
  const searches = new Set<string>();
  for (let i = 0; searches.size < count; i++) {
    const pairs = pairsByLanguage[i % pairsByLanguage.length] ?? [];
    const q = pairs[Math.floor(i / pairsByLanguage.length)];
    if (q === undefined) break;
    const filter = FILTERS[Math.floor(i / pairsByLanguage.length) % FILTERS.length];
    searches.add(`/api/public/library?q=${encodeURIComponent(q)}${filter}`);
  }
  return [...searches];
}

const underLoad = (base: string, paths: string[], options: { shared?: boolean; rate?: number } = {}) =>
  loadWithLatencies(base, paths, { connections: CONNECTIONS, seconds: SECONDS, ...options });

/**
 * Never-asked searches under load: each connection asks its own share, and the run fails if one
 * asked its share through and began again (a search asked again is answered from the kept copy).
 */
async function neverAskedUnderLoad(base: string, searches: string[], rate?: number) {
  const result = await underLoad(base, searches, { shared: false, rate });
  const share = Math.floor(searches.length / CONNECTIONS);
  if (result.busiestConnection > share)
    throw new Error(
      `a connection asked ${result.busiestConnection} searches of its ${share}: some were asked again`,
    );
  return result;
}

/**
 * One search at a time, computed each time: the public's answers are kept until the portfolio
 * changes, so its version is moved on before each request.
 */
async function alone(url: string, database: pg.Client, times = 15) {
  const timings: number[] = [];
  let body: { total: number; totalIsLowerBound: boolean } = { total: 0, totalIsLowerBound: false };
  for (let i = 0; i < times; i++) {
    await database.query(`update cache_versions set version = version + 1 where name = 'portfolio'`);
    const started = performance.now();
    const response = await fetch(url);
    body = (await response.json()) as typeof body;
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p95: percentile(timings, 95), ...body };
}

async function withServer<T>(
  script: string,
  env: Record<string, string>,
  ready: string,
  use: (base: string) => Promise<T>,
) {
  const port = await freePort();
  const child = startServer(script, { ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${base}${ready}`, 120_000);
    return await use(base);
  } finally {
    await stopProcess(child);
  }
}

const KEEP = process.env.BENCH_LIBRARY_KEEP === '1';
const KEPT_DATABASE = 'tandem_bench_library';

type BenchedLibrary = GeneratedLibrary & { reused: boolean };

/**
 * The kept library database: reused when a complete load of LIBRARY_DOCUMENTS documents is there
 * (the load's figures are written in the database's comment once it has finished, and the published
 * documents are counted again), else created and loaded, and left in place after the run.
 */
async function withKeptLibraryDatabase<T>(use: (library: BenchedLibrary) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const url = new URL(SERVER_URL);
  url.pathname = `/${KEPT_DATABASE}`;
  const migrate = async () => {
    const filesDir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-library-'));
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    try {
      await database.migrate();
      await bootstrapFacility(database.db, { demo: false, storage: new DiskStorage(filesDir) });
    } finally {
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    }
  };
  try {
    const [kept] = (
      await admin.query<{ description: string | null }>(
        `select shobj_description(oid, 'pg_database') as description from pg_database where datname = $1`,
        [KEPT_DATABASE],
      )
    ).rows;
    const recorded = kept?.description ? (JSON.parse(kept.description) as GeneratedLibrary) : undefined;
    if (recorded?.documents === LIBRARY_DOCUMENTS) {
      await migrate();
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          'select count(*)::int as n from library_documents',
        );
        if (rows[0]?.n === recorded.published)
          return await use({ ...recorded, url: url.toString(), reused: true });
      } finally {
        await client.end();
      }
    }
    await admin.query(`drop database if exists ${KEPT_DATABASE} with (force)`);
    await admin.query(`create database ${KEPT_DATABASE}`);
    await migrate();
    const library = await generateLibrary(url.toString());
    await admin.query(
      `comment on database ${KEPT_DATABASE} is '${JSON.stringify(library).replaceAll("'", "''")}'`,
    );
    return await use({ ...library, reused: false });
  } finally {
    await admin.end();
  }
}

export async function benchLibrary() {
  const withDatabase = KEEP
    ? withKeptLibraryDatabase
    : <T>(use: (library: BenchedLibrary) => Promise<T>) =>
        withLibraryDatabase((library) => use({ ...library, reused: false }));
  return withDatabase(async (library: BenchedLibrary) => {
    const env = { DATABASE_URL: library.url, TANDEM_DEMO: '0', HOST: '127.0.0.1' };
    const searches = LIBRARY_QUERIES.flatMap((q) =>
      FILTERS.map((f) => `/api/public/library?q=${encodeURIComponent(q)}${f}`),
    );
    const paths = [...searches, '/api/public/library', '/api/public/library?page=3&language=fr'];
    const lookup = await withServer('bench/library-lookup-server.ts', env, '/lookup', async (base) => {
      await underLoad(base, ['/lookup']); // warm-up
      return underLoad(base, ['/lookup']);
    });
    const never = neverAskedSearches(2 * NEVER_ASKED);
    const { search, computed, steady, each } = await withServer(
      'server/main.ts',
      env,
      '/api/health',
      async (base) => {
        for (const path of paths) await fetch(`${base}${path}`); // warm-up: every query once
        const loaded = await underLoad(base, paths);
        const firstTime = await neverAskedUnderLoad(base, never.slice(0, NEVER_ASKED));
        const steady = await neverAskedUnderLoad(base, never.slice(NEVER_ASKED), STEADY_RATE);
        const database = new pg.Client({ connectionString: library.url });
        await database.connect();
        try {
          const single = [];
          for (const q of LIBRARY_QUERIES) {
            const url = `${base}/api/public/library?q=${encodeURIComponent(q)}`;
            single.push({ q, ...(await alone(url, database)) });
          }
          return { search: loaded, computed: firstTime, steady, each: single };
        } finally {
          await database.end();
        }
      },
    );
    return { library, lookup, search, computed, steady, each };
  });
}

export function printLibrary(result: Awaited<ReturnType<typeof benchLibrary>>) {
  const { library, lookup, search, computed, steady, each } = result;
  const [load] = loadavg();
  console.log(
    `\nLibrary search on PostgreSQL: ${library.documents.toLocaleString('en')} documents (${library.published.toLocaleString('en')} published), ` +
      `${library.averageWords} words on average, ${library.megabytes} MB of text, ` +
      `${library.reused ? 'reused (loaded earlier in' : 'loaded in'} ${library.loadSeconds.toFixed(0)} s${library.reused ? ')' : ''}` +
      ` (load average ${load?.toFixed(1)} on ${availableParallelism()} CPUs)`,
  );
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s each; ${LIBRARY_QUERIES.length} queries × ${FILTERS.length} filters and two lists`,
  );
  printTable(
    ['endpoint', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'budget'],
    [
      [
        'GET /api/public/library?q=… the same searches again',
        search.requests,
        search.requestsPerSecond.toFixed(0),
        search.p50,
        search.p95,
        search.p99,
        search.errors,
        search.non2xx,
        `p95 ≤ ${LIBRARY_BUDGET_MS} ms`,
      ],
      [
        'GET /api/public/library?q=… searches never asked before',
        computed.requests,
        computed.requestsPerSecond.toFixed(0),
        computed.p50,
        computed.p95,
        computed.p99,
        computed.errors,
        computed.non2xx,
        `p95 ≤ ${LIBRARY_BUDGET_MS} ms`,
      ],
      [
        `GET /api/public/library?q=… never asked before, ${STEADY_RATE} a second`,
        steady.requests,
        steady.requestsPerSecond.toFixed(0),
        steady.p50,
        steady.p95,
        steady.p99,
        steady.errors,
        steady.non2xx,
        `p95 ≤ ${LIBRARY_BUDGET_MS} ms`,
      ],
      [
        'plain indexed lookup (one document by id)',
        lookup.requests,
        lookup.requestsPerSecond.toFixed(0),
        lookup.p50,
        lookup.p95,
        lookup.p99,
        lookup.errors,
        lookup.non2xx,
        '',
      ],
    ],
  );
  console.log('\nEach query alone (no filter), 15 times in a row, computed each time');
  printTable(
    ['q', 'matches', 'p50 ms', 'p95 ms'],
    each.map((row) => [
      row.q,
      `${row.totalIsLowerBound ? '>' : ''}${row.total}`,
      row.p50.toFixed(1),
      row.p95.toFixed(1),
    ]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printLibrary(await benchLibrary());
