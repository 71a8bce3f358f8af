// Tandem's benchmarks, run in one go: `npm run bench`. Each figure is printed beside its baseline.
//  1. Start-up: from the start command to a healthy server on a fresh data folder (budget 15 s).
//  2. GET /api/public/actions at 50 connections on PostgreSQL, beside a minimal Fastify endpoint
//     doing one indexed SELECT on the same database (budget: at least 0.5 of its throughput).
//  3. The IATI export of 10,000 Actions on PostgreSQL: time and the server's peak memory (budget
//     10 s and 200 MB), beside serialising the same Actions from memory (bench/iati.ts).
//  4. Expert matching over 10,000 experts with 50,000 deployments: p95 of one ranking (budget
//     50 ms), beside a plain indexed query for the same activity.
//  5. Library search over 100,000 documents in five languages (bench/library.ts): p95 under load,
//     very common words included (budget 50 ms), for searches asked again (kept answers) and never
//     asked before (computed; at full speed and at a steady rate), beside a plain indexed lookup on
//     the same database.
//  6. The public portal in Chromium: Lighthouse 12 (mobile defaults) on the home page and an Action
//     page (budgets: performance 95, accessibility 100), and the gzipped JavaScript a first visit
//     downloads (budget 200 kB, none of it the staff app's).
//  7. The load run (bench/load.ts): signed-in users reading and writing at 100 connections on
//     PostgreSQL: errors (must be 0), throughput and p99.
//  8. The portfolio at full size (bench/scale.ts, on the database bench/generate.ts makes; generated
//     first at BENCH_SCALE, 1 by default, when it is not there): the list and filter endpoints and
//     the aggregates at 50 connections beside the minimal endpoint, and the server's memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bootstrapFacility } from '../server/db/bootstrap.ts';
import { openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';
import { benchExpertMatching, printMatching } from './expert-matching.ts';
import { DEFAULT_SEED, generatePortfolio } from './generate.ts';
import { benchIatiExport, printIatiExport } from './iati.ts';
import { freePort, load, printTable, startProcess, startServer, stopProcess, waitForOk } from './lib.ts';
import { benchLibrary, printLibrary } from './library.ts';
import { benchLoad, printLoad } from './load.ts';
import { benchPortal } from './portal-budgets.ts';
import { benchScale, FULL_URL, fullDatabaseExists, printScale } from './scale.ts';

const SERVER_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;

async function startupTime(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-data-'));
  const port = await freePort();
  const started = performance.now();
  const child = startProcess('npm', ['start', '--silent'], { PORT: String(port), TANDEM_DATA_DIR: dataDir });
  try {
    return await waitForOk(`http://127.0.0.1:${port}/api/health`, 60_000, started);
  } finally {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withBenchDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `tandem_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const filesDir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-files-'));
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await database.migrate();
    await bootstrapFacility(database.db, { demo: true, storage: new DiskStorage(filesDir) });
    await database.close();
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

async function measureServer(script: string, env: Record<string, string>, path: string) {
  const port = await freePort();
  const child = startServer(script, { ...env, PORT: String(port) });
  try {
    await waitForOk(`http://127.0.0.1:${port}${path}`, 30_000);
    await load(`http://127.0.0.1:${port}${path}`, CONNECTIONS, 2); // warm-up
    return await load(`http://127.0.0.1:${port}${path}`, CONNECTIONS, SECONDS);
  } finally {
    await stopProcess(child);
  }
}

const startupMs = await startupTime();
console.log('\nStart-up on a fresh data folder (npm start, web app already built)');
printTable(
  ['figure', 'measured', 'budget'],
  [['start to healthy', `${(startupMs / 1000).toFixed(2)} s`, '15 s']],
);

const [minimal, actions] = await withBenchDatabase(async (url) => {
  const env = { DATABASE_URL: url, TANDEM_DEMO: '0', HOST: '127.0.0.1' };
  const minimalResult = await measureServer('bench/minimal-server.ts', env, '/minimal');
  const actionsResult = await measureServer('server/main.ts', env, '/api/public/actions');
  return [minimalResult, actionsResult];
});

console.log(`\nThroughput on PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s each`);
printTable(
  ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'ratio to minimal'],
  [
    [
      'minimal: one indexed SELECT',
      minimal.requestsPerSecond.toFixed(0),
      minimal.p50,
      minimal.p99,
      minimal.errors,
      minimal.non2xx,
      '1.00',
    ],
    [
      'GET /api/public/actions',
      actions.requestsPerSecond.toFixed(0),
      actions.p50,
      actions.p99,
      actions.errors,
      actions.non2xx,
      (actions.requestsPerSecond / minimal.requestsPerSecond).toFixed(2),
    ],
  ],
);
console.log('budget: GET /api/public/actions at least 0.50 of the minimal endpoint');

printIatiExport(await benchIatiExport(SERVER_URL));
printMatching(await benchExpertMatching());
printLibrary(await benchLibrary());
await benchPortal();
printLoad(await benchLoad({ seconds: Number(process.env.BENCH_SECONDS || 60), connections: 100 }));

if (!(await fullDatabaseExists())) {
  const scale = Number(process.env.BENCH_SCALE || 1);
  console.log(`\nGenerating the portfolio at scale ${scale} into ${FULL_URL} (minutes)`);
  await generatePortfolio(FULL_URL, { scale, seed: DEFAULT_SEED });
}
printScale(await benchScale());
