import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './awareness-days.ts';

describe('the next date of a yearly day', () => {
  it('is this year’s when it is still to come, today included', () => {
    expect(nextOccurrence(10, 18, '2026-10-17')).toBe('2026-10-18');
    expect(nextOccurrence(10, 18, '2026-10-18')).toBe('2026-10-18');
  });

  it('is next year’s once it has passed', () => {
    expect(nextOccurrence(10, 18, '2026-10-19')).toBe('2027-10-18');
    expect(nextOccurrence(7, 30, '2026-11-29')).toBe('2027-07-30');
  });

  it('falls on 28 February in a year without a 29th', () => {
    expect(nextOccurrence(2, 29, '2027-01-10')).toBe('2027-02-28');
    expect(nextOccurrence(2, 29, '2028-01-10')).toBe('2028-02-29');
  });
});
