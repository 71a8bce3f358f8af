import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * Which rows a report counts, by a key they name: a subquery of the selected keys, or `undefined`
 * when every key is selected. A column that references its table (a foreign key, or a row a trigger
 * copied from one) then needs no condition at all, so a statement over the whole portfolio reads
 * its rows without joining them to the 10,000 Actions that a subquery of every id would hash.
 */
export type SelectedKeys = SQL | undefined;

/** The condition that `column` is among the selected keys: none when every key is selected. */
export function selectedBy(column: AnyColumn | SQL, selection: SelectedKeys): SQL {
  return selection === undefined ? sql`true` : sql`${column} in (${selection})`;
}
