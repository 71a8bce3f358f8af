import { describe, expect, it } from 'vitest';
import { conflictingFields, mergedValues, sameValue } from './merge.ts';

// Opened on base; I changed the title and the agenda; someone else saved first, changing the
// agenda and the city.
const base = { title: 'Workshop', agenda: 'Day 1', city: 'Accra', languages: ['en'], days: 3 };
const mine = {
  title: 'Workshop on audits',
  agenda: 'Day 1 and 2',
  city: 'Accra',
  languages: ['en'],
  days: 3,
};
const theirs = {
  title: 'Workshop',
  agenda: 'Day 1, then visits',
  city: 'Kumasi',
  languages: ['en'],
  days: 3,
};

describe('merging a change into a record changed by someone else', () => {
  it('asks about the fields I changed that differ from the record now, not those I left alone', () => {
    // The city changed under me, but I did not touch it: it is no question.
    expect(conflictingFields(base, mine, theirs)).toEqual(['title', 'agenda']);
  });

  it('is no conflict when we both wrote the same value', () => {
    expect(conflictingFields(base, { ...mine, agenda: 'Day 1, then visits' }, theirs)).toEqual(['title']);
  });

  it('sends my untouched fields as the record holds them now, my other changes as I wrote them', () => {
    expect(mergedValues(base, mine, theirs, { title: 'mine', agenda: 'theirs' })).toEqual({
      title: 'Workshop on audits',
      agenda: 'Day 1, then visits',
      city: 'Kumasi',
      languages: ['en'],
      days: 3,
    });
    expect(mergedValues(base, mine, theirs, { title: 'theirs', agenda: 'mine' })).toEqual({
      title: 'Workshop',
      agenda: 'Day 1 and 2',
      city: 'Kumasi',
      languages: ['en'],
      days: 3,
    });
  });

  it('keeps mine for a conflicting field that has no choice yet, as the form shows it', () => {
    expect(mergedValues(base, mine, theirs, {}).agenda).toBe('Day 1 and 2');
  });

  it('compares lists and objects by content, and missing as empty', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    const lists = { partnerIds: ['x'] };
    expect(conflictingFields(lists, { partnerIds: ['x', 'y'] }, { partnerIds: ['x', 'z'] })).toEqual([
      'partnerIds',
    ]);
    expect(mergedValues(lists, { partnerIds: ['x'] }, { partnerIds: ['x', 'z'] }, {})).toEqual({
      partnerIds: ['x', 'z'],
    });
  });
});
