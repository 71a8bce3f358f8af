import { describe, expect, it } from 'vitest';
import { literalNumber, statementOf } from './database.ts';

describe('literalNumber', () => {
  it('writes a whole number into the statement’s text, not as a value', () => {
    expect(statementOf(literalNumber(1001))).toEqual({ sql: '1001', params: [] });
  });

  it('refuses anything else, so that nothing but digits reaches the text', () => {
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => literalNumber(value)).toThrow(TypeError);
    }
  });
});
