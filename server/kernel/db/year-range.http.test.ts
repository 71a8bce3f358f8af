import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { dateInYear, momentInYear } from './year-range.ts';

// The year filters of the reports are ranges, so that indexes serve them; they must keep exactly the
// values whose calendar year (in UTC, for moments) is the one asked for, the first and last included.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The values kept by `inYear`, written as dates, or as moments in UTC. */
async function kept(values: string[], type: 'date' | 'timestamptz', inYear: (value: SQL) => SQL) {
  const label =
    type === 'date' ? sql`v::text` : sql`to_char(v at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')`;
  const rows = (await t.database.db.execute(
    sql`select ${label} as v from unnest(${`{${values.join(',')}}`}::${sql.raw(type)}[]) v
         where ${inYear(sql`v`)} order by v`,
  )) as unknown as { rows: { v: string }[] };
  return rows.rows.map((row) => row.v);
}

describe('a year as a range', () => {
  it('keeps the dates of the year, its first and last days included', async () => {
    const dates = ['2023-12-31', '2024-01-01', '2024-06-30', '2024-12-31', '2025-01-01'];
    expect(await kept(dates, 'date', (v) => dateInYear(v, 2024))).toEqual([
      '2024-01-01',
      '2024-06-30',
      '2024-12-31',
    ]);
  });

  it('keeps the moments of the year in UTC, whatever the offset they were written with', async () => {
    const moments = [
      '2023-12-31 23:59:59+00',
      '2024-01-01 00:30:00+01', // 23:30 UTC on the 31st of December 2023
      '2024-01-01 00:00:00+00',
      '2024-12-31 23:59:59.999+00',
      '2024-12-31 23:30:00-01', // 00:30 UTC on the 1st of January 2025
      '2025-01-01 00:00:00+00',
    ];
    expect(await kept(moments, 'timestamptz', (v) => momentInYear(v, 2024))).toEqual([
      '2024-01-01 00:00:00.000',
      '2024-12-31 23:59:59.999',
    ]);
  });
});
