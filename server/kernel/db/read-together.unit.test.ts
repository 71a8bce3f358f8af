import { describe, expect, it } from 'vitest';
import { ReadTogether } from './read-together.ts';

/** A stand-in for a statement: the keys of each call, and the rows it knows. */
function statementOf(rows: Record<string, string>, failing?: string) {
  const calls: string[][] = [];
  return {
    calls,
    async readAll(keys: string[]) {
      calls.push(keys);
      if (failing && keys.includes(failing)) throw new Error('the database went away');
      return new Map(keys.flatMap((key) => (rows[key] ? [[key, rows[key]] as const] : [])));
    },
  };
}

describe('reads together', () => {
  it('reads the keys asked for together in one statement, each key once, and answers each its own row', async () => {
    const statement = statementOf({ a: 'Ana', b: 'Bo' });
    const reads = new ReadTogether(statement.readAll);
    const answers = await Promise.all([reads.read('a'), reads.read('b'), reads.read('a'), reads.read('x')]);
    expect(statement.calls).toEqual([['a', 'b', 'x']]);
    expect(answers).toEqual(['Ana', 'Bo', 'Ana', undefined]);
  });

  it('sends a key asked for while a statement is under way in the next one, not the one sent before', async () => {
    const statement = statementOf({ a: 'Ana', b: 'Bo' });
    const reads = new ReadTogether(statement.readAll);
    const first = reads.read('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(statement.calls).toEqual([['a']]);
    const second = reads.read('b');
    expect(await first).toBe('Ana');
    expect(await second).toBe('Bo');
    expect(statement.calls).toEqual([['a'], ['b']]);
  });

  it('fails every read of a statement that fails, and only those', async () => {
    const statement = statementOf({ a: 'Ana' }, 'bad');
    const reads = new ReadTogether(statement.readAll);
    const failed = Promise.allSettled([reads.read('a'), reads.read('bad')]);
    expect((await failed).map((settled) => settled.status)).toEqual(['rejected', 'rejected']);
    expect(await reads.read('a')).toBe('Ana');
  });
});
