import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * A date within a calendar year, written as a range of dates rather than as the year of each one:
 * an index on the column can then find the year's rows, and no row is converted to be compared.
 */
export function dateInYear(date: AnyColumn | SQL, year: number): SQL {
  return sql`(${date} >= make_date(${year}, 1, 1) and ${date} < make_date(${year + 1}, 1, 1))`;
}

/** A moment within a calendar year in UTC, as a range (see dateInYear). */
export function momentInYear(moment: AnyColumn | SQL, year: number): SQL {
  return sql`(${moment} >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'UTC')
    and ${moment} < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'UTC'))`;
}
