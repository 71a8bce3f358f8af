import { describe, expect, it } from 'vitest';
import { directionOf, isLanguageCode, matchLanguage } from './languages.ts';

describe('interface languages', () => {
  it("matches a browser's language tag to a supported language by its primary subtag", () => {
    expect(matchLanguage('fr-BE')).toBe('fr');
    expect(matchLanguage('PT-br')).toBe('pt');
    expect(matchLanguage('ar')).toBe('ar');
    expect(matchLanguage('de-DE')).toBeUndefined();
    expect(matchLanguage(null)).toBeUndefined();
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('xx')).toBe('ltr');
  });

  it('accepts only the five interface languages', () => {
    expect(['en', 'fr', 'es', 'pt', 'ar'].every(isLanguageCode)).toBe(true);
    expect(isLanguageCode('de')).toBe(false);
  });
});
