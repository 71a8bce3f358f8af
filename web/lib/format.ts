const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the reader's language, from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string, language: string): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

export function countryNames(codes: readonly string[], language: string): string {
  const list = new Intl.ListFormat(language, { style: 'short', type: 'conjunction' });
  return list.format(codes.map((code) => countryName(code, language)));
}

// Building an Intl formatter costs far more than using one; a page formats many numbers and dates.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A fraction (0.2) as a whole percentage in the reader's language ("20%"). */
export function formatPercent(share: number, language: string): string {
  return cached(
    `percent|${language}`,
    () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(share);
}

export function formatNumber(value: number, language: string): string {
  return cached(`number|${language}`, () => new Intl.NumberFormat(language)).format(value);
}

/** An ISO 8601 calendar date (YYYY-MM-DD) in the reader's language, without time-zone drift. */
export function formatDate(isoDate: string | null | undefined, language: string): string | null {
  if (!isoDate) return null;
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return cached(
    `date|${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's language, from its ISO 639 code ("pt" → "portugais"). */
export function languageName(code: string, language: string): string {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    languageNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date-time in the reader's language, in UTC so that everyone reads the same. */
export function formatDateTime(iso: string | null | undefined, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}
