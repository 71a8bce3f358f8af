import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows, queryRowsPrepared } from './database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('prepared statements', () => {
  it('prepares at most 200 forms on a connection, and answers every form beyond them all the same', async () => {
    await t.database.db.transaction(async (tx) => {
      // One connection throughout: 250 forms, each run twice.
      for (let form = 0; form < 250; form++) {
        for (const value of [1, 2]) {
          const [row] = await queryRowsPrepared<{ n: number }>(
            tx,
            sql`select ${sql.raw(String(form))}::int * ${value}::int as n`,
          );
          expect(row?.n).toBe(form * value);
        }
      }
      const [prepared] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from pg_prepared_statements where name like 'q\\_%'`,
      );
      // The embedded engine's driver plans every statement anew: it keeps none.
      expect(prepared?.n).toBe(t.database.kind === 'postgresql' ? 200 : 0);
    });
  });
});
