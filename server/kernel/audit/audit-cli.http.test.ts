import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { databaseUrl, onServer, uniqueName } from '../../test/engines.ts';
import { openDatabase } from '../db/database.ts';

const run = promisify(execFile);

describe('npm run tandem -- audit verify | backup | restore', () => {
  it('says OK on an intact chain, names the first broken event after tampering, and backs up and restores', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-audit-cli-'));
    const names = [uniqueName('tandem_cli_a'), uniqueName('tandem_cli_b')];
    const engine = inject('engine');
    const envFor = (i: number): NodeJS.ProcessEnv => ({
      ...process.env,
      TANDEM_DATA_DIR: path.join(dataDir, `db${i}`),
      TANDEM_FILES_DIR: path.join(dataDir, 'files'),
      TANDEM_DEMO: '0',
      DATABASE_URL: engine === 'postgresql' ? databaseUrl(names[i] ?? '') : '',
    });
    if (engine === 'postgresql')
      for (const name of names) await onServer((client) => client.query(`create database ${name}`));
    const cli = (i: number, ...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: envFor(i) });
    try {
      await cli(
        0,
        'user',
        'create',
        '--email',
        'first@example.org',
        '--role',
        'admin',
        '--generate-password',
      );
      const ok = await cli(0, 'audit', 'verify');
      expect(ok.stdout).toMatch(/^OK: \d+ events/);

      const file = path.join(dataDir, 'tandem.backup.gz');
      expect((await cli(0, 'backup', '--out', file)).stdout).toMatch(/backup written .* tables, \d+ rows/);
      expect(statSync(file).mode & 0o077).toBe(0);
      expect((await cli(1, 'restore', '--in', file)).stdout).toMatch(/restored .* tables, \d+ rows/);
      expect((await cli(1, 'audit', 'verify')).stdout).toMatch(/^OK/);

      const env = envFor(0);
      const database = await openDatabase({
        databaseUrl: env.DATABASE_URL || undefined,
        dataDir: env.TANDEM_DATA_DIR,
      });
      let victim = 0;
      try {
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`alter table audit_events disable trigger user`);
          const rows = await tx.execute(
            sql`update audit_events set changes = '{"role":"expert"}' where event = 'user.create' returning id`,
          );
          victim = Number((rows as unknown as { rows: { id: number }[] }).rows[0]?.id);
          await tx.execute(sql`alter table audit_events enable trigger user`);
        });
      } finally {
        await database.close();
      }
      const broken = await cli(0, 'audit', 'verify').catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect('code' in broken && broken.code).toBe(1);
      expect('stderr' in broken && broken.stderr).toContain(`BROKEN at event ${victim}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (engine === 'postgresql')
        for (const name of names)
          await onServer((client) => client.query(`drop database if exists ${name} with (force)`));
    }
  }, 300_000);
});
