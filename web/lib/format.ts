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
