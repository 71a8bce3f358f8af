import { describe, expect, it } from 'vitest';
import { groupGain, normalisedGain } from './learning-gain.ts';

describe('normalised learning gain', () => {
  it('is the share of what was left to learn that was learnt', () => {
    expect(normalisedGain(4, 7, 10)).toBe(0.5);
    expect(normalisedGain(0, 10, 10)).toBe(1);
    expect(normalisedGain(6, 4, 10)).toBe(-0.5);
  });

  it('is undefined when the pre-test was already perfect', () => {
    expect(normalisedGain(10, 10, 10)).toBeNull();
  });

  it('uses the means of the participants who took both tests for the group', () => {
    const group = groupGain(
      [
        { pre: 2, post: 8 },
        { pre: 4, post: 6 },
        { pre: 5, post: null },
      ],
      10,
    );
    expect(group).toEqual({ paired: 2, meanPre: 3, meanPost: 7, groupGain: 0.57 });
  });

  it('has no group gain without pairs', () => {
    expect(groupGain([{ pre: 3, post: null }], 10).groupGain).toBeNull();
  });
});
