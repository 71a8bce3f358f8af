import type { SQL } from 'drizzle-orm';
import { type Db, statementOf } from '../db/database.ts';
import { VersionedCache } from './versioned-cache.ts';

/**
 * A list's answer described so that it can be kept (`sendKept`): a key that holds everything the
 * answer depends on, and how to read it when it is not kept or no longer current.
 */
export interface KeptRead<T> {
  key: string;
  read(): Promise<T>;
  /** When the answer reads differently although no data changed (ms since the epoch), if it can. */
  until?(value: T): number;
}

/**
 * The key of a page of a list: the list's name, its filter with the caller's scope as PostgreSQL
 * receives it (text and values: no filter, and no caller's institution or id, can be left out), and
 * the other parts its answer depends on (page, page size, language).
 */
export function listKey(list: string, where: SQL | undefined, ...parts: (string | number)[]): string {
  const { sql: text, params } = where ? statementOf(where) : { sql: '', params: [] };
  return [list, ...parts, text, JSON.stringify(params)].join('\u0000');
}

/** How many pages each list keeps per process (a page of 25 to 100 rows is some tens of kilobytes). */
const KEPT_PAGES = 200;

/**
 * A list's kept pages: under the 'reporting' version, which every table a list page reads bumps in
 * the writing transaction (migrations 0018, 0022, 0026).
 */
export const keptPages = (db: Db) => new VersionedCache(db, 'reporting', KEPT_PAGES);
