/** The languages of the interface, each named in itself (as a language switch should show them). */
export const languages = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'pt', name: 'Português', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

export const defaultLanguage: LanguageCode = 'en';
export const languageStorageKey = 'tandem.language';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && languages.some((language) => language.code === value);
}

/** The supported language closest to a BCP 47 tag such as `fr-BE`, if any. */
export function matchLanguage(tag: string | null | undefined): LanguageCode | undefined {
  const primary = tag?.toLowerCase().split('-')[0];
  return isLanguageCode(primary) ? primary : undefined;
}

export function directionOf(code: string): TextDirection {
  return languages.find((language) => language.code === code)?.dir ?? 'ltr';
}
