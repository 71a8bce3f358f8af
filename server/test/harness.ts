import { readFileSync } from 'node:fs';
import type { SQL } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, readConfig } from '../kernel/config.ts';
import { type Database, openDatabase, queryRows } from '../kernel/db/database.ts';
import { DiskStorage } from '../kernel/files/file-storage.ts';
import { databaseUrl, onServer, uniqueName } from './engines.ts';

export const DEMO_PASSWORD = 'tandem-demo-password';

/** The demo accounts, by what they stand for in tests. */
export const demoAccounts = {
  admin: 'admin@demo.tandem.test',
  officer: 'officer@demo.tandem.test',
  steering: 'steering@demo.tandem.test',
  ghana: 'partner.ghana@demo.tandem.test',
  jordan: 'partner.jordan@demo.tandem.test',
  peru: 'partner.peru@demo.tandem.test',
  expert: 'expert@demo.tandem.test',
} as const;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in a demo account and returns the headers that authenticate its requests. */
  signIn(email: string): Promise<SignedInHeaders>;
  /** The rows of a raw SQL statement on the test's database. */
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export type SignedInHeaders = Record<string, string> & { cookie: string; 'x-csrf-token': string };

async function openCopyOfTemplate(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const template = inject('template');
  if (inject('engine') === 'pglite') {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
    return { database, drop: async () => {} };
  }
  const name = uniqueName('tandem_test');
  await onServer((client) => client.query(`create database ${name} template ${template}`));
  const database = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 4 });
  return {
    database,
    drop: () =>
      onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

/**
 * A real app on its own copy of the migrated demo database, for tests through app.inject; uploaded
 * files go to a temporary folder. `config` overrides settings, such as an SMTP server; `log` receives
 * the lines the app logs at level info and above (none are written otherwise).
 */
export async function createTestApp(
  options: { config?: Partial<Config>; log?: (line: string) => void } = {},
): Promise<TestApp> {
  const { database, drop } = await openCopyOfTemplate();
  const config = {
    ...readConfig({}),
    webDir: '/nonexistent',
    demo: true,
    filesDir: inject('filesDir'),
    ...options.config,
  };
  const storage = new DiskStorage(config.filesDir);
  const { log } = options;
  const logger = log ? { level: 'info', stream: { write: log } } : false;
  const app = await buildApp({ database, config, storage, logger });
  await app.ready();
  return {
    app,
    database,
    async signIn(email) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: DEMO_PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
      return { cookie: sessionCookie(response), 'x-csrf-token': response.json().csrfToken };
    },
    rows: (query) => queryRows(database.db, query),
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tandem_session');
  if (!cookie) throw new Error('no session cookie was set');
  return `tandem_session=${cookie.value}`;
}
