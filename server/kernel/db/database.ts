import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { getTableName, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type AnyPgColumn, type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../../db/schema.ts';

export type Schema = typeof schema;
/** The query builder, the same for both engines: features never know which one they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgresql';

/**
 * A column named with its table, for a correlated subquery among the selected fields of a query on
 * one table: Drizzle names those fields' columns without their table there, and a bare name inside a
 * subquery means the subquery's own column when it has one of that name (`deployments.id` for `id`).
 */
export const qualified = (column: AnyPgColumn): SQL =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/** Both drivers answer `{ rows }`, which Drizzle's shared type does not say; only here is it known. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The rows a raw SQL statement answers. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

const dialect = new PgDialect();

/** A statement's text and values, as they are sent to PostgreSQL. */
export const statementOf = (query: SQL) => dialect.sqlToQuery(query);

/**
 * `queryRows` for a statement that runs again and again with other values: prepared on each
 * connection under a name made from its text, so that PostgreSQL plans it once rather than at every
 * request (after five runs, when a plan made without the values costs no more). Only for statements
 * whose text takes few forms: each form stays prepared on every connection of the pool. (Drizzle's
 * `execute` prepares without a name; its session's `prepareQuery` is the same path with one.)
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const built = statementOf(query);
  const name = `q_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 24)}`;
  return rowsOf<T>(await db._.session.prepareQuery(built, undefined, name, false).execute());
}

export interface Database {
  db: Db;
  kind: DbKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder of the embedded database; omitted for an in-memory one. */
  dataDir?: string;
  /** A PGlite data-directory dump to start from (tests copy a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgresql',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  // The embedded engine (about 35 MB once loaded) is loaded only when it is the one in use.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
    [
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ],
  );
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // The lists' trigram indexes (migration 0021) need the extension that PostgreSQL ships with.
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** The PGlite client behind a database, to dump it as a template for tests. */
export function pgliteClient(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}
