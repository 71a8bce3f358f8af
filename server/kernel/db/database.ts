import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { getTableName, type Placeholder, type SQL, sql } from 'drizzle-orm';
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
 * One value per database, made at its first use: a prepared statement, a process cache, a batch of
 * reads. A process opens one database; the tests open several, each with its own.
 */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}

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
 * A whole number written into a statement's text rather than sent as a value, so that a plan made
 * once for a prepared statement knows it (a limit, an offset, a threshold of the code).
 */
export function literalNumber(value: number): SQL {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not a whole number: ${value}`);
  return sql.raw(String(value));
}

/**
 * How many forms of statement a process prepares. Each form stays prepared, with its plan (80 kB for
 * a list's page, 700 kB for a library search), on every connection of the pool for as long as the
 * connection lives; forms beyond these, however a client combines its filters and page sizes, are
 * planned at each run instead.
 */
const MOST_PREPARED_FORMS = 200;
const preparedForms = new Set<string>();

/**
 * The name a statement is prepared under on each connection, made from its text; none (planned at
 * each run) once MOST_PREPARED_FORMS other forms are prepared.
 */
function statementName(text: string): string | undefined {
  const name = `q_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
  if (!preparedForms.has(name)) {
    if (preparedForms.size >= MOST_PREPARED_FORMS) return undefined;
    preparedForms.add(name);
  }
  return name;
}

/**
 * `queryRows` for a statement that runs again and again with other values: prepared on each
 * connection under a name made from its text, so that PostgreSQL plans it once rather than at every
 * request (after five runs, when a plan made without the values costs no more). Only for statements
 * whose text takes few forms: each form stays prepared on every connection of the pool. (Drizzle's
 * `execute` prepares without a name; its session's `prepareQuery` is the same path with one.)
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const built = statementOf(query);
  const name = statementName(built.sql);
  if (!name) return queryRows<T>(db, query);
  return rowsOf<T>(await db._.session.prepareQuery(built, undefined, name, false).execute());
}

/** The few first pages of a list that are read through a prepared statement (`pageOf`). */
export const PREPARED_PAGES = 5;

/** What `pageOf` needs of a Drizzle select (each step leaves out the ones taken before). */
interface PagedSelect<Rows> {
  limit(limit: Placeholder): {
    offset(offset: Placeholder): PromiseLike<Rows> & {
      toSQL(): { sql: string };
      prepare(name: string): { execute(): Promise<Rows> };
    };
  };
}

/**
 * One page of a Drizzle select. Its limit and offset are written into the statement's text (as
 * values, PostgreSQL plans the statement for an unknown share of the rows, judges that plan dearer
 * than one made for the values, and plans it again at every run); the first PREPARED_PAGES pages,
 * read again and again, are prepared statements, planned once on each connection. Deeper pages are
 * planned each time, so that the prepared forms stay few: one per filter shape, page size and page
 * (and no more than MOST_PREPARED_FORMS in all).
 */
export function pageOf<Rows>(query: PagedSelect<Rows>, page: number, pageSize: number): Promise<Rows> {
  // Drizzle writes an SQL object given as the limit or offset into the text; its types say a number
  // or a placeholder, hence the cast.
  const literal = (value: number) => literalNumber(value) as unknown as Placeholder;
  const paged = query.limit(literal(pageSize)).offset(literal((page - 1) * pageSize));
  const name = page <= PREPARED_PAGES ? statementName(paged.toSQL().sql) : undefined;
  return name ? paged.prepare(name).execute() : Promise.resolve(paged);
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
