import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvents } from '../../kernel/audit/audit.table.ts';
import { readConfig } from '../../kernel/config.ts';
import { openDatabase } from '../../kernel/db/database.ts';
import { databaseUrl, onServer, uniqueName } from '../../test/engines.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser } from './users.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const input = { name: 'Nadia Newcomer-Test', institutionId: null, password: 'a long enough passphrase' };

describe('createUser', () => {
  it('creates an account that can sign in, and audits it without the password', async () => {
    const user = await createUser(t.database.db, null, {
      ...input,
      email: 'New.Officer@Example.org',
      role: 'officer',
    });
    expect(user.email).toBe('new.officer@example.org');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new.officer@example.org', password: input.password },
    });
    expect(login.statusCode).toBe(200);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, 'user.create'), eq(auditEvents.entityId, user.id)));
    expect(event?.changes).toMatchObject({ email: 'new.officer@example.org', role: 'officer' });
    expect(JSON.stringify(event?.changes)).not.toContain(input.password);
  });

  it('refuses a short password, a taken e-mail and a partner without institution, naming the field', async () => {
    const short = await createUser(t.database.db, null, {
      ...input,
      email: 'a@example.org',
      role: 'admin',
      password: 'short',
    }).catch((e) => e);
    expect(short.details[0]).toEqual({ field: 'password', message: 'must be at least 12 characters' });
    const taken = await createUser(t.database.db, null, {
      ...input,
      email: 'officer@demo.tandem.test',
      role: 'admin',
    }).catch((e) => e);
    expect(taken.code).toBe('CONFLICT');
    const partner = await createUser(t.database.db, null, {
      ...input,
      email: 'p@example.org',
      role: 'partner',
    }).catch((e) => e);
    expect(partner.details[0].field).toBe('institutionId');
  });
});

describe('npm run tandem -- user create', () => {
  it('creates the first admin of a facility that has no account, with a generated password', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-'));
    const name = uniqueName('tandem_cli');
    const engine = inject('engine');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TANDEM_DATA_DIR: dataDir,
      TANDEM_DEMO: '0',
      DATABASE_URL: '',
    };
    if (engine === 'postgresql') {
      await onServer((client) => client.query(`create database ${name}`));
      env.DATABASE_URL = databaseUrl(name);
    }
    try {
      const run = promisify(execFile);
      const args = [
        '--import',
        'tsx',
        'server/cli.ts',
        'user',
        'create',
        '--email',
        'first@example.org',
        '--role',
        'admin',
        '--generate-password',
      ];
      const { stdout } = await run(process.execPath, args, { env });
      expect(stdout).toMatch(/created admin first@example\.org/);
      const password = /password: (\S+)/.exec(stdout)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);

      const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir });
      const app = await buildApp({
        database,
        config: { ...readConfig({}), webDir: '/nonexistent' },
        logger: false,
      });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'first@example.org', password },
        });
        expect(login.statusCode).toBe(200);
        expect(login.json().user.role).toBe('admin');
        // Outside demo mode there are no demo accounts.
        const demo = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'admin@demo.tandem.test', password: 'tandem-demo-password' },
        });
        expect(demo.statusCode).toBe(401);
      } finally {
        await app.close();
        await database.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (engine === 'postgresql')
        await onServer((client) => client.query(`drop database if exists ${name} with (force)`));
    }
  }, 60_000);
});
