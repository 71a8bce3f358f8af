import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, onServer, uniqueName } from '../../test/engines.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { recordAudit } from '../audit/audit.ts';
import { verifyAuditChain } from '../audit/audit-chain.ts';
import { backupDatabase, restoreDatabase, tableContents } from './backup.ts';
import { type Database, openDatabase, queryRows } from './database.ts';

let t: TestApp;
let dir: string;
let fresh: Database;
let dropFresh = async () => {};

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'tandem-backup-'));
  if (inject('engine') === 'pglite') {
    fresh = await openDatabase({});
  } else {
    const name = uniqueName('tandem_restore');
    await onServer((client) => client.query(`create database ${name}`));
    fresh = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 2 });
    dropFresh = () =>
      onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {});
  }
  await fresh.migrate();
});
afterAll(async () => {
  await t.close();
  await fresh.close();
  await dropFresh();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores a backup into a fresh database with every table row for row the same', async () => {
    // Some activity first: sign-ins write sessions and audit events.
    await t.signIn('officer@demo.tandem.test');
    await t.signIn('partner.ghana@demo.tandem.test');
    const file = path.join(dir, 'tandem.backup.gz');
    const taken = await backupDatabase(t.database.db, file);
    expect(taken.rows).toBeGreaterThan(100);

    const restored = await restoreDatabase(fresh.db, file);
    expect(restored).toEqual(taken);
    const before = await tableContents(t.database.db);
    const after = await tableContents(fresh.db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    // The restored database goes on: its audit chain verifies and takes new events.
    await fresh.db.transaction((tx) =>
      recordAudit(tx, { actorId: null, event: 'test.after_restore', entityType: 'test' }),
    );
    expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: true });
    // A table whose ids are an identity column, restored with rows, numbers the next one after them.
    const [restoredIds] = await queryRows<{ rows: number; highest: number }>(
      fresh.db,
      sql`select count(*)::int as rows, max(id)::int as highest from deployed_expert_counts`,
    );
    expect(restoredIds?.rows).toBeGreaterThan(0);
    const [added] = await queryRows<{ id: number }>(
      fresh.db,
      sql`insert into deployed_expert_counts (year, experts) values (null, 0) returning id::int`,
    );
    expect(added?.id).toBeGreaterThan(restoredIds?.highest ?? 0);
  });

  it('refuses a file that is not a backup', async () => {
    const file = path.join(dir, 'not-a-backup.gz');
    const { createWriteStream } = await import('node:fs');
    const { createGzip } = await import('node:zlib');
    const gzip = createGzip();
    const out = createWriteStream(file);
    gzip.pipe(out);
    gzip.end('{"hello":"world"}\n');
    await new Promise<void>((resolve) => out.on('close', () => resolve()));
    await expect(restoreDatabase(fresh.db, file)).rejects.toThrow(/not a Tandem backup/);
  });
});
