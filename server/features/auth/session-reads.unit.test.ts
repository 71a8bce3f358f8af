import { describe, expect, it } from 'vitest';
import { SessionReader } from './session-reads.ts';

interface Row {
  id: string;
  user: string;
}

/** A stand-in for the sessions' statement: the ids of each call, and the rows it knows. */
function lookupOf(rows: Row[], failing?: Set<string>) {
  const calls: string[][] = [];
  return {
    calls,
    async execute({ ids }: { ids: string[] }) {
      calls.push(ids);
      if (ids.some((id) => failing?.has(id))) throw new Error('the database went away');
      return rows.filter((row) => ids.includes(row.id));
    },
  };
}

describe('session reads', () => {
  it('reads the sessions asked for together in one statement, each id once, and answers each its own', async () => {
    const lookup = lookupOf([
      { id: 'a', user: 'Ana' },
      { id: 'b', user: 'Bo' },
    ]);
    const reader = new SessionReader(lookup);
    const answers = await Promise.all([
      reader.read('a'),
      reader.read('b'),
      reader.read('a'),
      reader.read('x'),
    ]);
    expect(lookup.calls).toEqual([['a', 'b', 'x']]);
    expect(answers.map((row) => row?.user)).toEqual(['Ana', 'Bo', 'Ana', undefined]);
  });

  it('sends a session asked for while a statement is under way in the next one, not the one sent before', async () => {
    const lookup = lookupOf([
      { id: 'a', user: 'Ana' },
      { id: 'b', user: 'Bo' },
    ]);
    const reader = new SessionReader(lookup);
    const first = reader.read('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lookup.calls).toEqual([['a']]);
    const second = reader.read('b');
    expect((await first)?.user).toBe('Ana');
    expect((await second)?.user).toBe('Bo');
    expect(lookup.calls).toEqual([['a'], ['b']]);
  });

  it('fails every read of a statement that fails, and only those', async () => {
    const lookup = lookupOf([{ id: 'a', user: 'Ana' }], new Set(['bad']));
    const reader = new SessionReader(lookup);
    const failed = Promise.allSettled([reader.read('a'), reader.read('bad')]);
    expect((await failed).map((settled) => settled.status)).toEqual(['rejected', 'rejected']);
    expect((await reader.read('a'))?.user).toBe('Ana');
  });
});
