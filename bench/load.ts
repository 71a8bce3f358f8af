// The load run: signed-in users reading and writing at 100 connections for 60 s on PostgreSQL
// (BENCH_SECONDS to shorten, BENCH_CONNECTIONS to change), against the real server on a database made
// for the run. Prints the error count (which must be 0), the throughput and p99.
//   npm run bench:load
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { bootstrapFacility } from '../server/db/bootstrap.ts';
import { openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';
import { freePort, printTable, signIn, startTandem, stopProcess, waitForOk } from './lib.ts';

const SERVER_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const draft = (title: string) =>
  JSON.stringify({
    title,
    countries: ['GH'],
    topics: ['thb'],
    thematicAreaCode: 'irregular_thb',
    problem: 'Border staff need training on screening procedures.',
    expectedChange: 'Trained staff and a referral checklist.',
    targetGroups: [{ description: 'Border officers', estimatedNumber: 40 }],
    workingLanguages: ['en'],
  });

/** Who signs in, and the mix each one's connections send in turn (reads and writes). */
const users = [
  { email: 'partner.ghana@demo.tandem.test', writes: true },
  { email: 'partner.jordan@demo.tandem.test', writes: true },
  { email: 'partner.peru@demo.tandem.test', writes: true },
  { email: 'officer@demo.tandem.test', writes: false },
];

function mixFor(writes: boolean, email: string): autocannon.Request[] {
  const reads: autocannon.Request[] = [
    { method: 'GET', path: '/api/auth/me' },
    { method: 'GET', path: '/api/requests?pageSize=20' },
    { method: 'GET', path: '/api/actions?pageSize=20' },
    { method: 'GET', path: '/api/notifications?unread=true' },
  ];
  let n = 0;
  const write: autocannon.Request = writes
    ? {
        method: 'POST',
        path: '/api/requests',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: draft(`Load run ${email} ${n++}`) }),
      }
    : { method: 'POST', path: '/api/notifications/read-all' };
  return [
    reads[0] as autocannon.Request,
    reads[1] as autocannon.Request,
    write,
    reads[2] as autocannon.Request,
    reads[3] as autocannon.Request,
  ];
}

export interface LoadRunResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  writesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export async function benchLoad(options: { seconds: number; connections: number }): Promise<LoadRunResult> {
  const name = `tandem_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const filesDir = mkdtempSync(path.join(tmpdir(), 'tandem-load-files-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let child: ReturnType<typeof startTandem> | undefined;
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await database.migrate();
    await bootstrapFacility(database.db, { demo: true, storage: new DiskStorage(filesDir) });
    await database.close();
    child = startTandem({
      DATABASE_URL: url.toString(),
      TANDEM_DEMO: '1',
      TANDEM_FILES_DIR: filesDir,
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    await waitForOk(`${base}/api/health`, 60_000);
    const perUser = Math.max(1, Math.floor(options.connections / users.length));
    const runs = await Promise.all(
      users.map(async (user, i) => {
        const headers = await signIn(base, user.email);
        const connections =
          i === users.length - 1 ? options.connections - perUser * (users.length - 1) : perUser;
        return autocannon({
          url: base,
          connections,
          duration: options.seconds,
          headers,
          requests: mixFor(user.writes, user.email),
        });
      }),
    );
    const requests = runs.reduce((sum, r) => sum + r.requests.total, 0);
    const writeShare = runs
      .filter((_, i) => users[i]?.writes)
      .reduce((sum, r) => sum + r.requests.total / 5, 0);
    return {
      connections: options.connections,
      seconds: options.seconds,
      requests,
      requestsPerSecond: requests / options.seconds,
      writesPerSecond: writeShare / options.seconds,
      // Each user's run has its own histogram: the worst of them is reported.
      p50: Math.max(...runs.map((r) => r.latency.p50)),
      p99: Math.max(...runs.map((r) => r.latency.p99)),
      errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
    };
  } finally {
    if (child) await stopProcess(child);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

export function printLoad(result: LoadRunResult) {
  console.log(
    `\nLoad run on PostgreSQL: ${users.length} signed-in users, reads and writes, ${result.connections} connections, ${result.seconds} s`,
  );
  printTable(
    ['figure', 'measured', 'budget'],
    [
      ['errors (failed, timed out or not 2xx)', result.errors, '0'],
      ['requests', result.requests, ''],
      ['throughput', `${result.requestsPerSecond.toFixed(0)} req/s`, ''],
      ['of which writes', `${result.writesPerSecond.toFixed(0)} req/s`, ''],
      ['p50 (worst user)', `${result.p50} ms`, ''],
      ['p99 (worst user)', `${result.p99} ms`, ''],
    ],
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchLoad({
    seconds: Number(process.env.BENCH_SECONDS || 60),
    connections: Number(process.env.BENCH_CONNECTIONS || 100),
  });
  printLoad(result);
  if (result.errors > 0) process.exitCode = 1;
}
