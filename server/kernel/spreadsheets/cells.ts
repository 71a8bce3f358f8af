/**
 * Spreadsheet programs read a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * as a formula (OWASP "CSV injection"). Exported text cells that start so get a leading apostrophe,
 * which spreadsheets show as plain text; reading a file back removes it, so a round trip is lossless.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CellValue = string | number | boolean | Date | null | undefined;

/** The text of a cell as it is exported: formula-looking text is neutralised; numbers stay numbers. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula on a cell read back from a file. */
export function restoreNeutralised(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A cell value ready for a file: text neutralised, dates as ISO dates, empty as empty. */
export function exportCell(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return neutraliseFormula(value);
  return value;
}
