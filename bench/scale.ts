// The portfolio at full size (the database `npm run bench:generate` makes): the main list and filter
// endpoints and the portfolio aggregates at 50 connections, each beside a minimal Fastify endpoint
// doing one indexed SELECT on the same database in the same run, and the server's resident memory
// while it serves them.
//   npm run bench:scale                     (BENCH_FULL_URL to point at another generated database;
//                                            BENCH_ONLY=Actions,Requests for some endpoints only)
// Budgets: list endpoints at least 0.5 of the minimal endpoint's throughput; p95 of every endpoint at
// most 150 ms; the server at most 300 MB resident under load.
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchFullDatabaseUrl, filesDirFor } from './generate.ts';
import {
  cpuSecondsOf,
  freePort,
  loadWithLatencies,
  memoryOf,
  percentile,
  printTable,
  signInSessions,
  startProcess,
  startTandem,
  stopProcess,
  waitForOk,
} from './lib.ts';

export const FULL_URL = process.env.BENCH_FULL_URL || benchFullDatabaseUrl();
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
/** Signed-in sessions the connections take in turn. */
const SESSIONS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const P95_BUDGET_MS = 150;
const THROUGHPUT_BUDGET = 0.5;
const MEMORY_BUDGET_MB = 300;
/** `BENCH_ONLY=Actions,Requests` measures those endpoints only (their labels, comma-separated). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((label) => label.trim().toLowerCase());

interface Endpoint {
  label: string;
  kind: 'list' | 'aggregate';
  /** Taken in turn by the connections: the same endpoint with its common filters and pages. */
  paths: string[];
  /**
   * Its answers are kept until the portfolio changes (decisions 101, 109 and 111): measured a second
   * time while the portfolio changes CHANGES_PER_SECOND times a second.
   */
  kept?: boolean;
}

/** How often the portfolio changes in the second run of a kept list: a busy facility's pace. */
const CHANGES_PER_SECOND = 10;

export const ENDPOINTS: Endpoint[] = [
  {
    label: 'Actions',
    kind: 'list',
    kept: true,
    paths: [
      '/api/actions?pageSize=25',
      '/api/actions?pageSize=25&status=implementation&topic=thb',
      '/api/actions?pageSize=25&region=asia&page=4',
      '/api/actions?pageSize=25&q=border',
    ],
  },
  {
    label: 'Requests',
    kind: 'list',
    kept: true,
    paths: [
      '/api/requests?pageSize=25',
      '/api/requests?pageSize=25&status=submitted',
      '/api/requests?pageSize=25&country=GH&page=2',
      '/api/requests?pageSize=25&q=training',
    ],
  },
  {
    label: 'Activities',
    kind: 'list',
    kept: true,
    paths: [
      '/api/activities?pageSize=25',
      '/api/activities?pageSize=25&type=training&region=africa',
      '/api/activities?pageSize=25&from=2024-01-01&to=2024-12-31',
      '/api/activities?pageSize=25&country=PE&page=3',
    ],
  },
  {
    label: 'Experts',
    kind: 'list',
    kept: true,
    paths: [
      '/api/experts?pageSize=25',
      '/api/experts?pageSize=25&topic=thb&language=fr',
      '/api/experts?pageSize=25&country=ES&page=2',
      '/api/experts?pageSize=25&q=border',
    ],
  },
  {
    label: 'Library search',
    kind: 'list',
    paths: [
      '/api/library?q=trafficking',
      '/api/library?q=de&language=es',
      `/api/library?q=${encodeURIComponent('traite des victimes')}`,
      '/api/public/library?q=kalomi',
    ],
  },
  {
    label: 'Dashboard',
    kind: 'aggregate',
    kept: true,
    paths: ['/api/dashboard', '/api/dashboard?topic=thb', '/api/dashboard?region=asia&year=2024'],
  },
  {
    label: 'Portfolio results',
    kind: 'aggregate',
    kept: true,
    paths: [
      '/api/portfolio/results',
      '/api/portfolio/results?topic=thb',
      '/api/portfolio/results?year=2024',
      '/api/portfolio/results?region=asia&year=2024',
    ],
  },
  {
    label: 'Public stats and Actions',
    kind: 'aggregate',
    kept: true,
    paths: ['/api/public/stats', '/api/public/actions?status=ongoing', '/api/public/topics/thb'],
  },
];

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    throw new Error(`no generated database at ${url}: run npm run bench:generate first`);
  }
  try {
    const { rows } = await client.query<{ name: string; n: string }>(`
      select 'Actions' as name, count(*) as n from actions union all
      select 'activities', count(*) from activities union all
      select 'participations', count(*) from participations union all
      select 'library documents', count(*) from library_documents union all
      select 'requests', count(*) from requests`);
    return rows.map((row) => `${Number(row.n).toLocaleString('en')} ${row.name}`).join(', ');
  } finally {
    await client.end();
  }
}

/** Whether the generated database is there (the benchmark runner generates it when it is not). */
export async function fullDatabaseExists(url = FULL_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Runs a server on the database; samples its resident memory while `use` runs. */
async function withServer<T>(
  server: 'minimal' | 'tandem',
  ready: string,
  use: (base: string, pid: number) => Promise<T>,
) {
  const port = await freePort();
  const start =
    server === 'tandem'
      ? startTandem
      : (env: Record<string, string>) =>
          startProcess('node', ['--import', 'tsx', 'bench/minimal-server.ts'], env);
  const child = start({
    DATABASE_URL: FULL_URL,
    // Demo mode lets the demo officer sign in without a second factor; the data is loaded already.
    TANDEM_DEMO: '1',
    TANDEM_FILES_DIR: filesDirFor(new URL(FULL_URL).pathname.slice(1)),
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  const base = `http://127.0.0.1:${port}`;
  const memory = { restingMb: 0, peakMb: 0 };
  const sampler = setInterval(() => {
    if (child.pid && memory.restingMb) memory.peakMb = Math.max(memory.peakMb, memoryOf(child.pid).currentMb);
  }, 250);
  try {
    await waitForOk(`${base}${ready}`, 180_000);
    memory.restingMb = child.pid ? memoryOf(child.pid).currentMb : 0;
    return { result: await use(base, child.pid ?? 0), memory };
  } finally {
    clearInterval(sampler);
    await stopProcess(child);
  }
}

/**
 * A load run, and the CPU time the server and PostgreSQL spent per request during it; the connections
 * sign their requests with `sessions` in turn.
 */
async function measure(base: string, pid: number, paths: string[], sessions?: Record<string, string>[]) {
  const options = { connections: CONNECTIONS, sessions };
  await loadWithLatencies(base, paths, { ...options, seconds: 2 }); // warm-up: plans, caches, JIT
  const before = cpuSecondsOf(pid);
  const result = await loadWithLatencies(base, paths, { ...options, seconds: SECONDS });
  const after = cpuSecondsOf(pid);
  const perRequest = (seconds: number) => (seconds * 1000) / Math.max(result.requests, 1);
  return {
    ...result,
    serverCpuMs: perRequest(after.process - before.process),
    postgresCpuMs: perRequest(after.postgres - before.postgres),
  };
}

/** Each path alone, one request at a time: the median of five after a warm-up request. */
async function alone(base: string, paths: string[], headers?: Record<string, string>) {
  const timings: { path: string; ms: number }[] = [];
  for (const p of paths) {
    const samples: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ms = await timedGet(base, p, headers);
      if (i > 0) samples.push(ms);
    }
    timings.push({ path: p, ms: percentile(samples, 50) });
  }
  return timings;
}

/** One request, read to its end: how long it took, in milliseconds. Anything but a 2xx stops the run. */
async function timedGet(base: string, path: string, headers?: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

type Measured = Awaited<ReturnType<typeof measure>>;

/** Moves the versions every kept answer depends on, as a change to any table they read does. */
const CHANGE_EVERYTHING = `update cache_versions set version = version + 1 where name in ('reporting', 'portfolio')`;

/**
 * Each path read just after a change, one request at a time: what the first reader after every
 * write waits for, since the change made the kept answer stale. The median and the slowest of three.
 */
async function afterChange(base: string, paths: string[], headers?: Record<string, string>) {
  const client = new pg.Client({ connectionString: FULL_URL });
  await client.connect();
  try {
    const timings: { path: string; median: number; slowest: number }[] = [];
    for (const p of paths) {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        await client.query(CHANGE_EVERYTHING);
        samples.push(await timedGet(base, p, headers));
      }
      timings.push({ path: p, median: percentile(samples, 50), slowest: Math.max(...samples) });
    }
    return timings;
  } finally {
    await client.end();
  }
}

/**
 * `measure` while the portfolio changes at a steady pace: each change moves the 'reporting' and
 * 'portfolio' versions, as a change to an Action does (migrations 0002, 0018, 0022, 0026), so every
 * kept page, count and aggregate is computed again after it.
 */
async function measureWhileChanging(
  base: string,
  pid: number,
  paths: string[],
  sessions: Record<string, string>[],
) {
  const client = new pg.Client({ connectionString: FULL_URL });
  await client.connect();
  const writer = setInterval(() => {
    client.query(CHANGE_EVERYTHING).catch(() => {});
  }, 1000 / CHANGES_PER_SECOND);
  try {
    return await measure(base, pid, paths, sessions);
  } finally {
    clearInterval(writer);
    await client.end();
  }
}

export async function benchScale() {
  const sizes = await counts(FULL_URL);
  const minimal = await withServer('minimal', '/minimal', (base, pid) => measure(base, pid, ['/minimal']));
  const tandem = await withServer('tandem', '/api/health', async (base, pid) => {
    // Several sessions of the officer, taken in turn by the connections, as several people's would be.
    const sessions = await signInSessions(base, 'officer@demo.tandem.test', SESSIONS);
    const headers = sessions[0];
    const endpoints = ENDPOINTS.filter(({ label }) => !ONLY || ONLY.includes(label.toLowerCase()));
    // Every path alone first, while no load's backlog is still being served.
    const timings = [];
    for (const endpoint of endpoints) timings.push(await alone(base, endpoint.paths, headers));
    const rows: {
      endpoint: Endpoint;
      result: Measured;
      changing?: Measured;
      alone: { path: string; ms: number }[];
      afterChange?: Awaited<ReturnType<typeof afterChange>>;
    }[] = [];
    for (const [i, endpoint] of endpoints.entries()) {
      rows.push({
        endpoint,
        alone: timings[i] ?? [],
        result: await measure(base, pid, endpoint.paths, sessions),
      });
    }
    for (const row of rows) {
      if (row.endpoint.kind === 'aggregate')
        row.afterChange = await afterChange(base, row.endpoint.paths, headers);
    }
    // Last: the changes make every kept answer stale, so an endpoint measured after them would
    // begin cold, its first readers waiting for the aggregates' computation (about 1 to 2 s at scale 1).
    for (const row of rows) {
      if (row.endpoint.kept)
        row.changing = await measureWhileChanging(base, pid, row.endpoint.paths, sessions);
    }
    return rows;
  });
  return { sizes, minimal: minimal.result, rows: tandem.result, memory: tandem.memory };
}

export function printScale(figures: Awaited<ReturnType<typeof benchScale>>) {
  const { sizes, minimal, rows, memory } = figures;
  const floor = minimal.requestsPerSecond;
  console.log(`\nThe generated portfolio on PostgreSQL: ${sizes}`);
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s per endpoint (each cycles through its paths), signed in as an officer in ${SESSIONS} sessions; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const line = (label: string, r: Measured, budget: string) => [
    label,
    r.requestsPerSecond.toFixed(0),
    (r.requestsPerSecond / floor).toFixed(2),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.errors + r.non2xx,
    `${r.serverCpuMs.toFixed(2)} / ${r.postgresCpuMs.toFixed(2)}`,
    budget,
  ];
  printTable(
    [
      'endpoint',
      'req/s',
      'ratio to minimal',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'CPU ms per request: server / PostgreSQL',
      'budget',
    ],
    [
      line('minimal: one indexed SELECT', minimal, 'baseline'),
      ...rows.flatMap(({ endpoint, result, changing }) => {
        const budget =
          endpoint.kind === 'list'
            ? `ratio ≥ ${THROUGHPUT_BUDGET}, p95 ≤ ${P95_BUDGET_MS} ms`
            : `p95 ≤ ${P95_BUDGET_MS} ms`;
        return [
          line(endpoint.label, result, budget),
          ...(changing
            ? [
                line(
                  `${endpoint.label}, the portfolio changing ${CHANGES_PER_SECOND} times a second`,
                  changing,
                  '',
                ),
              ]
            : []),
        ];
      }),
    ],
  );
  console.log('\nEach path alone, one request at a time (median of five, after a warm-up request)');
  printTable(
    ['path', 'ms'],
    rows.flatMap(({ alone }) => alone.map(({ path: p, ms }) => [p, ms.toFixed(1)])),
  );
  console.log(
    '\nEach aggregate read just after a change, one request at a time (median and slowest of three)',
  );
  printTable(
    ['path', 'median ms', 'slowest ms', 'budget'],
    rows.flatMap(({ afterChange }) =>
      (afterChange ?? []).map(({ path: p, median, slowest }) => [
        p,
        median.toFixed(1),
        slowest.toFixed(1),
        `≤ ${P95_BUDGET_MS} ms`,
      ]),
    ),
  );
  console.log('\nThe server’s memory');
  printTable(
    ['figure', 'measured', 'budget'],
    [
      ['resident at rest (after start)', `${memory.restingMb.toFixed(0)} MB`, ''],
      ['resident at most, under load', `${memory.peakMb.toFixed(0)} MB`, `${MEMORY_BUDGET_MB} MB`],
    ],
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printScale(await benchScale());
}
