import { describe, expect, it } from 'vitest';
import { countryName, countryNames, formatDate, formatPercent } from './format.ts';

describe('formatting for the reader', () => {
  it('shows a share as a whole percentage', () => {
    expect(formatPercent(0.2, 'en')).toBe('20%');
    expect(formatPercent(1 / 6, 'en')).toBe('17%');
    expect(formatPercent(0.2, 'fr')).toMatch(/^20\s%$/);
  });

  it('names countries from ISO codes in the reader language, and keeps an unknown code', () => {
    expect(countryName('GH', 'en')).toBe('Ghana');
    expect(countryName('JO', 'fr')).toBe('Jordanie');
    expect(countryName('not a code', 'en')).toBe('not a code');
    expect(countryNames(['PE', 'ES'], 'es')).toBe('Perú y España');
  });

  it('formats a calendar date without shifting it across time zones', () => {
    expect(formatDate('2025-11-01', 'en')).toBe('Nov 1, 2025');
    expect(formatDate(null, 'en')).toBeNull();
  });
});
