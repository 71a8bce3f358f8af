/**
 * Splits 100 % equally over `count` items in hundredths, the rounding remainder going to the first
 * items, so that the shares always add up to exactly 100 (IATI checks the sum to two decimals).
 */
export function equalShares(count: number): number[] {
  if (count <= 0) return [];
  const hundredths = 10_000;
  const base = Math.floor(hundredths / count);
  const remainder = hundredths - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < remainder ? 1 : 0)) / 100);
}

/** The sum of percentages in hundredths, free of floating-point drift. */
export const sumOfPercentages = (values: number[]) =>
  values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
