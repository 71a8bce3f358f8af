/**
 * Made once per key and kept: making an Intl formatter, or looking a name up in a locale's data,
 * costs far more than using the result, and a page formats the same numbers, dates and names at every
 * render (a list's rows, a country filter's two hundred options).
 */
const made = new Map<string, unknown>();
export function cachedByKey<T>(key: string, make: () => T): T {
  if (made.has(key)) return made.get(key) as T;
  const value = make();
  made.set(key, value);
  return value;
}

/** A name from a locale's data (a region or a language), or the code when it is not a known one. */
function displayName(type: 'region' | 'language', code: string, language: string): string {
  return cachedByKey(`${type}|${language}|${code}`, () => {
    const names = cachedByKey(
      `${type}-names|${language}`,
      () => new Intl.DisplayNames([language], { type, fallback: 'code' }),
    );
    try {
      return names.of(code) ?? code;
    } catch {
      return code; // not a well-formed code
    }
  });
}

/** A country's name in the reader's language, from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string, language: string): string {
  return displayName('region', code, language);
}

export function countryNames(codes: readonly string[], language: string): string {
  const list = cachedByKey(
    `list|${language}`,
    () => new Intl.ListFormat(language, { style: 'short', type: 'conjunction' }),
  );
  return list.format(codes.map((code) => countryName(code, language)));
}

/** A fraction (0.2) as a whole percentage in the reader's language ("20%"). */
export function formatPercent(share: number, language: string): string {
  return cachedByKey(
    `percent|${language}`,
    () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(share);
}

export function formatNumber(value: number, language: string): string {
  return cachedByKey(`number|${language}`, () => new Intl.NumberFormat(language)).format(value);
}

/** An ISO 8601 calendar date (YYYY-MM-DD) in the reader's language, without time-zone drift. */
export function formatDate(isoDate: string | null | undefined, language: string): string | null {
  if (!isoDate) return null;
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return cachedByKey(
    `date|${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

/** A language's name in the reader's language, from its ISO 639 code ("pt" → "portugais"). */
export function languageName(code: string, language: string): string {
  return displayName('language', code, language);
}

/** A date-time in the reader's language, in UTC so that everyone reads the same. */
export function formatDateTime(iso: string | null | undefined, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cachedByKey(
    `date-time|${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  ).format(date);
}
