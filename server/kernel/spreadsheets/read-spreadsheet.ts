import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { checkFileContent } from '../files/file-kinds.ts';
import { restoreNeutralised } from './cells.ts';

export interface SheetRow {
  /** The row's number as the spreadsheet program shows it (the header is row 1). */
  row: number;
  /** The row's cells by column heading, as trimmed text ('' when empty). */
  cells: Record<string, string>;
}

export interface ReadSheet {
  kind: 'xlsx' | 'csv';
  headers: string[];
  rows: SheetRow[];
}

export interface ReadOptions {
  maxBytes: number;
  /** More data rows than this are refused (a file that large belongs in several imports). */
  maxRows: number;
  /** The form field that carried the file, for error details. */
  field?: string;
}

/**
 * Reads the first worksheet of an XLSX file, or a CSV file (UTF-8, separated by commas, semicolons
 * or tabs), into rows keyed by the header row. Which one it is is decided by the content: XLSX by its
 * signature, CSV when the bytes are text. Empty rows are skipped; every cell is text, so callers
 * validate values with their own schema and report row, column and message.
 */
export async function readSpreadsheet(
  bytes: Buffer,
  fileName: string,
  { maxBytes, maxRows, field = 'file' }: ReadOptions,
): Promise<ReadSheet> {
  if (bytes.length > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file "${fileName}" is too large`, [
      { field, message: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` },
    ]);
  }
  let sheet: ReadSheet;
  if (looksLikeText(bytes)) sheet = readCsv(bytes, fileName, field);
  else {
    await checkFileContent(bytes, fileName, ['spreadsheet'], maxBytes, field);
    sheet = await readXlsx(bytes, fileName, field);
  }
  if (sheet.headers.length === 0) {
    throw new AppError('VALIDATION_FAILED', `The file "${fileName}" has no header row`, [
      { field, message: 'has no header row: its first row must name the columns' },
    ]);
  }
  if (sheet.rows.length > maxRows) {
    throw new AppError('VALIDATION_FAILED', `The file "${fileName}" has more than ${maxRows} rows`, [
      { field, message: `has ${sheet.rows.length} rows; at most ${maxRows} are read at once` },
    ]);
  }
  return sheet;
}

/** Text files have no NUL bytes in their first kilobytes and decode as UTF-8. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.length === 0 || head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteCharacter(head)));
    return true;
  } catch {
    return false;
  }
}

/** Where the last UTF-8 character that fits whole in the slice ends (a slice may cut one in two). */
function lastCompleteCharacter(head: Buffer): number {
  let end = head.length;
  for (let i = head.length - 1; i >= Math.max(0, head.length - 4); i--) {
    const byte = head[i] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    end = i + length <= head.length ? head.length : i;
    break;
  }
  return end;
}

function toRows(records: string[][]): Omit<ReadSheet, 'kind'> {
  const [header = [], ...body] = records;
  const headers = header.map((h) => h.trim());
  const rows: SheetRow[] = [];
  body.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const cells: Record<string, string> = {};
    headers.forEach((h, column) => {
      if (h) cells[h] = restoreNeutralised((record[column] ?? '').trim());
    });
    rows.push({ row: index + 2, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

function readCsv(bytes: Buffer, fileName: string, field: string): ReadSheet {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Spreadsheet programs in French, Spanish or Portuguese save CSV with semicolons.
  const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  try {
    const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
    return { kind: 'csv', ...toRows(records) };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('VALIDATION_FAILED', `The file "${fileName}" is not a readable CSV file`, [
      {
        field,
        message: `cannot be read as CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`,
      },
    ]);
  }
}

async function readXlsx(bytes: Buffer, fileName: string, field: string): Promise<ReadSheet> {
  // exceljs holds about 25 MB once loaded: only imports and exports of workbooks load it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', `The file "${fileName}" is not a readable XLSX workbook`, [
      { field, message: 'cannot be read as an XLSX workbook' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { kind: 'xlsx', headers: [], rows: [] };
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      cells.push(cellText(row.getCell(column).value));
    records[rowNumber - 1] = cells;
  });
  // eachRow leaves holes for rows that were never written; they are empty rows.
  return { kind: 'xlsx', ...toRows(Array.from(records, (r) => r ?? [])) };
}

/** The text a person sees in a cell: a formula's result, a date as YYYY-MM-DD, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return String(value);
}
