/**
 * The text-search configuration of each language the facility writes in. PostgreSQL (13 and later)
 * and PGlite ship Snowball stemmers for all five, Arabic included (it strips the article and common
 * prefixes: الاتجار and اتجار are one word). Any other language (Tetum...) is split into words
 * without stemming (`simple`).
 */
export const TEXT_CONFIGS = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  pt: 'portuguese',
  ar: 'arabic',
} as const;

export type TextConfig = (typeof TEXT_CONFIGS)[keyof typeof TEXT_CONFIGS];

export type AnyTextConfig = TextConfig | 'simple';

/** Every configuration a query is parsed with when no language is chosen. */
export const ALL_TEXT_CONFIGS: AnyTextConfig[] = [...Object.values(TEXT_CONFIGS), 'simple'];

export function textConfigOf(language: string | null | undefined): AnyTextConfig {
  return (language && TEXT_CONFIGS[language as keyof typeof TEXT_CONFIGS]) || 'simple';
}
