// Library search at scale: 100,000 documents in five languages (bench/library-generate.ts). The
// public search endpoint under load (autocannon, a moderate concurrency, queries that include very
// common words), its p95 printed beside a plain indexed lookup on the same database; then each
// query alone, so that the cost of a common word shows beside a rare one.
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, printTable, startProcess, stopProcess, waitForOk } from './lib.ts';
import { type GeneratedLibrary, withLibraryDatabase } from './library-generate.ts';

export const LIBRARY_BUDGET_MS = 50;
const CONNECTIONS = Number(process.env.BENCH_LIBRARY_CONNECTIONS || 8);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function underLoad(base: string, paths: string[]) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: paths.map((path) => ({ method: 'GET' as const, path })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own percentiles stop at 90 and 97.5; p95 is taken from every response's time.
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    requests: latencies.length,
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function alone(url: string, times = 15) {
  const timings: number[] = [];
  let body: { total: number; totalIsLowerBound: boolean } = { total: 0, totalIsLowerBound: false };
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(url);
    body = (await response.json()) as typeof body;
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p95: percentile(timings, 95), ...body };
}

async function withServer<T>(
  script: string[],
  env: Record<string, string>,
  ready: string,
  use: (base: string) => Promise<T>,
) {
  const port = await freePort();
  const child = startProcess('node', ['--import', 'tsx', ...script], { ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${base}${ready}`, 120_000);
    return await use(base);
  } finally {
    await stopProcess(child);
  }
}

export async function benchLibrary() {
  return withLibraryDatabase(async (library: GeneratedLibrary) => {
    const env = { DATABASE_URL: library.url, TANDEM_DEMO: '0', HOST: '127.0.0.1' };
    const searches = LIBRARY_QUERIES.flatMap((q) =>
      FILTERS.map((f) => `/api/public/library?q=${encodeURIComponent(q)}${f}`),
    );
    const paths = [...searches, '/api/public/library', '/api/public/library?page=3&language=fr'];
    const lookup = await withServer(['bench/library-lookup-server.ts'], env, '/lookup', async (base) => {
      await underLoad(base, ['/lookup']); // warm-up
      return underLoad(base, ['/lookup']);
    });
    const { search, each } = await withServer(['server/main.ts'], env, '/api/health', async (base) => {
      for (const path of paths) await fetch(`${base}${path}`); // warm-up: every query once
      const loaded = await underLoad(base, paths);
      const single = [];
      for (const q of LIBRARY_QUERIES) {
        single.push({ q, ...(await alone(`${base}/api/public/library?q=${encodeURIComponent(q)}`)) });
      }
      return { search: loaded, each: single };
    });
    return { library, lookup, search, each };
  });
}

export function printLibrary(result: Awaited<ReturnType<typeof benchLibrary>>) {
  const { library, lookup, search, each } = result;
  const [load] = loadavg();
  console.log(
    `\nLibrary search on PostgreSQL: ${library.documents.toLocaleString('en')} documents (${library.published.toLocaleString('en')} published), ` +
      `${library.averageWords} words on average, ${library.megabytes} MB of text, loaded in ${library.loadSeconds.toFixed(0)} s` +
      ` (load average ${load?.toFixed(1)} on ${availableParallelism()} CPUs)`,
  );
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s each; ${LIBRARY_QUERIES.length} queries × ${FILTERS.length} filters and two lists`,
  );
  printTable(
    ['endpoint', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'budget'],
    [
      [
        'GET /api/public/library?q=…',
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
  console.log('\nEach query alone (no filter), 15 times in a row');
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
