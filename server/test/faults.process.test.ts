import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFacility } from '../db/bootstrap.ts';
import { verifyAuditChain } from '../kernel/audit/audit-chain.ts';
import { openDatabase } from '../kernel/db/database.ts';
import { DiskStorage } from '../kernel/files/file-storage.ts';
import { databaseUrl, onServer, uniqueName } from './engines.ts';
import { type ServerProcess, signInTo, startServer } from './server-process.ts';

// Real server processes on a PostgreSQL database made for this file and dropped after it.
const name = uniqueName('tandem_faults');
const url = databaseUrl(name);
const filesDir = mkdtempSync(path.join(tmpdir(), 'tandem-faults-files-'));
const env = { DATABASE_URL: url, TANDEM_DEMO: '1', TANDEM_FILES_DIR: filesDir };
const running: ServerProcess[] = [];
const start = async () => {
  const server = await startServer(env);
  running.push(server);
  return server;
};

beforeAll(async () => {
  await onServer((client) => client.query(`create database ${name}`));
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await database.migrate();
  await bootstrapFacility(database.db, { demo: true, storage: new DiskStorage(filesDir) });
  await database.close();
}, 120_000);

afterAll(async () => {
  for (const server of running) await server.kill('SIGKILL');
  await onServer((client) => client.query(`drop database if exists ${name} with (force)`));
  rmSync(filesDir, { recursive: true, force: true });
});

const draft = (title: string) => ({
  title,
  countries: ['GH'],
  topics: ['thb'],
  thematicAreaCode: 'irregular_thb',
  problem: 'Airport staff do not recognise the signs of trafficking.',
  expectedChange: 'Trained staff and a referral checklist.',
  targetGroups: [{ description: 'Immigration officers', estimatedNumber: 150 }],
  workingLanguages: ['en'],
});

describe('a crash in the middle of writes', () => {
  it('keeps every acknowledged write, and no half-written record, after SIGKILL and a restart', async () => {
    const first = await start();
    const partner = await signInTo(first.url, 'partner.ghana@demo.tandem.test');
    const acknowledged: { id: string; title: string }[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const title = `Crash test ${w}-${n}`;
        try {
          const response = await fetch(`${first.url}/api/requests`, {
            method: 'POST',
            headers: { ...partner.headers, 'content-type': 'application/json' },
            body: JSON.stringify(draft(title)),
          });
          if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
          const body = (await response.json()) as { id: string };
          acknowledged.push({ id: body.id, title });
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.kill('SIGKILL'); // writes are in flight now
    stop = true;
    await Promise.all(workers);

    const second = await start();
    const again = await signInTo(second.url, 'partner.ghana@demo.tandem.test');
    for (const write of acknowledged) {
      const response = await fetch(`${second.url}/api/requests/${write.id}`, { headers: again.headers });
      expect(response.status, write.title).toBe(200);
      const request = (await response.json()) as {
        title: string;
        countries: string[];
        targetGroups: unknown[];
      };
      expect(request).toMatchObject({ title: write.title, countries: ['GH'] });
      expect(request.targetGroups).toHaveLength(1);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: all } = await client.query(`select id from requests where title like 'Crash test %'`);
      expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
      const { rows: halfWritten } = await client.query(`
        select r.id from requests r
         where r.title like 'Crash test %'
           and (not exists (select 1 from request_countries c where c.request_id = r.id)
             or not exists (select 1 from request_topics t where t.request_id = r.id)
             or not exists (select 1 from request_target_groups g where g.request_id = r.id)
             or not exists (select 1 from audit_events a where a.entity_type = 'request' and a.entity_id = r.id::text))`);
      expect(halfWritten).toEqual([]);
    } finally {
      await client.end();
    }
    const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }
    await second.kill('SIGTERM');
  }, 180_000);
});

describe('two server processes on one database', () => {
  it('share sessions and see each other’s updates', async () => {
    const [a, b] = [await start(), await start()];
    const officer = await signInTo(a.url, 'officer@demo.tandem.test');
    const me = await fetch(`${b.url}/api/auth/me`, { headers: officer.headers });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('officer@demo.tandem.test');

    const partner = await signInTo(b.url, 'partner.ghana@demo.tandem.test');
    const json = { ...partner.headers, 'content-type': 'application/json' };
    const created = await fetch(`${a.url}/api/requests`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(draft('Seen by both processes')),
    });
    expect(created.status).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    const edited = await fetch(`${b.url}/api/requests/${id}`, {
      method: 'PATCH',
      headers: { ...json, 'if-match': `"${version}"` },
      body: JSON.stringify({ title: 'Edited on the other process' }),
    });
    expect(edited.status).toBe(200);
    const read = await fetch(`${a.url}/api/requests/${id}`, { headers: partner.headers });
    expect(((await read.json()) as { title: string }).title).toBe('Edited on the other process');
    // The version moved on for both: a stale If-Match on the first process is refused.
    const stale = await fetch(`${a.url}/api/requests/${id}`, {
      method: 'PATCH',
      headers: { ...json, 'if-match': `"${version}"` },
      body: JSON.stringify({ title: 'Stale' }),
    });
    expect(stale.status).toBe(412);

    // Signing out on one process ends the session on the other.
    const out = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: officer.headers });
    expect(out.status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: officer.headers })).status).toBe(401);
    await a.kill('SIGTERM');
    await b.kill('SIGTERM');
  }, 120_000);
});
