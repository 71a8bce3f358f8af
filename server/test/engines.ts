import pg from 'pg';

/** Which database engine an HTTP test run uses: the embedded PGlite or a real PostgreSQL server. */
export type TestEngine = 'pglite' | 'postgresql';

/** The server the PostgreSQL run uses; its databases are created and dropped by the run. */
export const TEST_POSTGRES_URL =
  process.env.TANDEM_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The HTTP tests run on PostgreSQL too, but no PostgreSQL server answers at ${TEST_POSTGRES_URL} ` +
        `(${error instanceof Error ? error.message : String(error)}). Start one (for example ` +
        '`pg_ctlcluster 15 main start`) or point TANDEM_TEST_DATABASE_URL at one.',
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const uniqueName = (prefix: string) =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
