import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { VersionedMap } from './versioned-cache.ts';

/*
 * The versioned map under concurrent requests: requests that miss together wait for one
 * computation, a request that read a later version never takes a value computed before it, a key is
 * computed once at a time, and a version read with the session stands in for reading it again.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Lets every request under way read the version and find the computation in hand. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const bump = () => t.rows(sql`update cache_versions set version = version + 1 where name = 'reporting'`);

/** A computation that counts its runs and finishes when told to. */
function gatedCompute() {
  let runs = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    compute: async (version: number) => {
      runs++;
      await gate;
      return `computed under ${version}`;
    },
    open: () => open(),
    runs: () => runs,
  };
}

describe('a versioned map', () => {
  it('computes once for requests that miss together', async () => {
    const map = new VersionedMap<string>(t.database.db, 'reporting');
    const work = gatedCompute();
    const together = Array.from({ length: 5 }, () => map.get('page', work.compute));
    await settle();
    work.open();
    const values = await Promise.all(together);
    expect(work.runs()).toBe(1);
    expect(new Set(values).size).toBe(1);
  });

  it('computes again for a request that read a version after the change', async () => {
    const map = new VersionedMap<string>(t.database.db, 'reporting');
    const work = gatedCompute();
    const before = map.get('page', work.compute);
    await settle();
    await bump();
    const after = map.get('page', work.compute);
    await settle();
    work.open();
    const [old, fresh] = await Promise.all([before, after]);
    expect(work.runs()).toBe(2);
    expect(old).not.toBe(fresh);
    // The later value is the one kept.
    expect(await map.get('page', work.compute)).toBe(fresh);
    expect(work.runs()).toBe(2);
  });

  it('computes a key once at a time: those who read a later version share one computation after it', async () => {
    const map = new VersionedMap<string>(t.database.db, 'reporting');
    const work = gatedCompute();
    const first = map.get('dashboard', work.compute);
    await settle();
    await bump();
    // Three requests after the change, while the first computation is still running.
    const later = Array.from({ length: 3 }, () => map.get('dashboard', work.compute));
    await settle();
    expect(work.runs()).toBe(1);
    work.open();
    const [old, ...fresh] = await Promise.all([first, ...later]);
    expect(work.runs()).toBe(2);
    expect(new Set(fresh).size).toBe(1);
    expect(fresh[0]).not.toBe(old);
  });

  it('takes a version already read in the request instead of reading it', async () => {
    const map = new VersionedMap<string>(t.database.db, 'reporting');
    const [row] = await t.rows<{ version: string }>(
      sql`select version from cache_versions where name = 'reporting'`,
    );
    const current = Number(row?.version);
    const compute = async (version: number) => `computed under ${version}`;
    expect(await map.get('page', compute, { known: { reporting: current } })).toBe(
      `computed under ${current}`,
    );
    // A version that moved on since (as another process's change would) is taken as given.
    expect(await map.get('page', compute, { known: { reporting: current + 5 } })).toBe(
      `computed under ${current + 5}`,
    );
    // Another data set's version is no stand-in: this map reads its own.
    expect(await map.get('other', compute, { known: { portfolio: current + 9 } })).toBe(
      `computed under ${current}`,
    );
  });
});
