/**
 * Content that the public reads (titles, summaries, taxonomy names) may be written in several
 * languages. It is stored as one JSON object per field, keyed by ISO 639-1 code, and presented
 * in the reader's language with a fallback to the original text.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in one or more languages; `en` is not required, any language may be the original. */
export type LocalizedText = Partial<Record<Language, string>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The text in `lang`, else English, else the first language it was written in. */
export function pickText(text: LocalizedText | null | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text).find((value) => Boolean(value)) ?? '';
}
