import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, perDatabase, queryRows, statementOf } from '../db/database.ts';
import { VersionedMap } from './versioned-cache.ts';

const countsOf = perDatabase((db) => new VersionedMap<number>(db, 'reporting', 2000));

/**
 * The number of rows a list's filter matches, kept until the portfolio changes. Counting is most of
 * a list's cost at scale (every matching row is read, where a page stops after its rows), and the
 * same filter is counted again at every page and every refresh. The key is the statement itself
 * (its text and parameters, the caller's scope included), and the 'reporting' version, which any
 * write to a table a list filters on bumps in the writing transaction (migrations 0018, 0022),
 * says when a count is stale, in every process at once.
 */
export async function cachedCount(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const statement = sql`select count(*)::int as n from ${table} ${where ? sql`where ${where}` : sql``}`;
  const { sql: text, params } = statementOf(statement);
  return countsOf(db).get(`${text}\u0000${JSON.stringify(params)}`, async () => {
    const [row] = await queryRows<{ n: number | string }>(db, statement);
    return Number(row?.n ?? 0);
  });
}
