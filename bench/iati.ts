// The IATI export of 10,000 Actions with their results on PostgreSQL: time and the server's peak memory (budget 10 s and
// 200 MB), beside the floor: serialising the same Actions from memory, without the database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { bootstrapFacility } from '../server/db/bootstrap.ts';
import { readIatiConfig } from '../server/features/iati/iati.config.ts';
import { type ActionSource, loadActionBatches } from '../server/features/iati/iati-export.loader.ts';
import { exportActivitiesXml } from '../server/features/iati/iati-export.ts';
import { insertGeneratedActions } from '../server/features/iati/iati-portfolio.generate.ts';
import { insertGeneratedIndicators } from '../server/features/results/results.generate.ts';
import { openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';
import { freePort, memoryOf, printTable, signIn, startTandem, stopProcess, waitForOk } from './lib.ts';

const ACTIONS = Number(process.env.BENCH_IATI_ACTIONS || 10_000);
const BUDGET_MS = 10_000;
const BUDGET_MB = 200;

export interface IatiExportFigures {
  actions: number;
  bytes: number;
  serverMs: number;
  serverPeakMb: number;
  serverIdleMb: number;
  floorMs: number;
}

async function drain(response: Response): Promise<number> {
  let bytes = 0;
  const reader = response.body?.getReader();
  if (!reader) return 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

/** The export as a client gets it: the real server, signed in as an officer, all Actions. */
async function exportOverHttp(url: string) {
  const port = await freePort();
  const child = startTandem({
    DATABASE_URL: url,
    // Demo mode: the demo officer signs in without a second factor (the data is loaded already).
    TANDEM_DEMO: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${base}/api/health`, 60_000);
    const { cookie } = await signIn(base, 'officer@demo.tandem.test');
    const pid = child.pid as number;
    const idle = memoryOf(pid);
    const started = performance.now();
    // As a harvester asks for it: compressed with gzip.
    const response = await fetch(`${base}/api/iati/activities.xml?all=true`, {
      headers: { cookie, 'accept-encoding': process.env.BENCH_IATI_ENCODING ?? 'gzip' },
    });
    if (!response.ok) throw new Error(`the export answered ${response.status}`);
    const bytes = await drain(response);
    const ms = performance.now() - started;
    return { ms, bytes, peakMb: memoryOf(pid).peakMb, idleMb: idle.currentMb };
  } finally {
    await stopProcess(child);
  }
}

/** The floor: the same Actions, already in memory, through the same builder and writer. */
async function serialiseFromMemory(url: string): Promise<number> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    const actions: ActionSource[] = [];
    for await (const batch of loadActionBatches(database.db, 'all')) actions.push(...batch);
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of exportActivitiesXml(database.db, 'all', readIatiConfig({}), {
      batches: [actions],
    })) {
      bytes += chunk.length;
    }
    if (bytes === 0) throw new Error('nothing was serialised');
    return performance.now() - started;
  } finally {
    await database.close();
  }
}

export async function benchIatiExport(serverUrl: string): Promise<IatiExportFigures> {
  const name = `tandem_bench_iati_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await database.migrate();
    await bootstrapFacility(database.db, {
      demo: true,
      storage: new DiskStorage(mkdtempSync(path.join(tmpdir(), 'tandem-bench-files-'))),
    });
    await insertGeneratedActions(database.db, ACTIONS);
    await insertGeneratedIndicators(database.db);
    const counted = await (database.db as unknown as { $client: pg.Pool }).$client.query(
      'select count(*)::int as n from actions',
    );
    await database.close();
    const overHttp = await exportOverHttp(url.toString());
    const floorMs = await serialiseFromMemory(url.toString());
    return {
      actions: (counted as { rows: { n: number }[] }).rows[0]?.n ?? 0,
      bytes: overHttp.bytes,
      serverMs: overHttp.ms,
      serverPeakMb: overHttp.peakMb,
      serverIdleMb: overHttp.idleMb,
      floorMs,
    };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export function printIatiExport(f: IatiExportFigures) {
  console.log(
    `\nIATI export of ${f.actions} Actions on PostgreSQL (${(f.bytes / 1024 / 1024).toFixed(1)} MB of XML)`,
  );
  printTable(
    ['figure', 'measured', 'budget', 'floor: from memory, no database'],
    [
      [
        'time, request to last byte',
        `${(f.serverMs / 1000).toFixed(2)} s`,
        `${BUDGET_MS / 1000} s`,
        `${(f.floorMs / 1000).toFixed(2)} s`,
      ],
      ['server peak RSS (VmHWM)', `${f.serverPeakMb.toFixed(0)} MB`, `${BUDGET_MB} MB`, ''],
      ['server RSS before the export', `${f.serverIdleMb.toFixed(0)} MB`, '', ''],
    ],
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printIatiExport(
    await benchIatiExport(process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'),
  );
}
