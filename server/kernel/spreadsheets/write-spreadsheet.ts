import { stringify } from 'csv-stringify/sync';
import { type CellValue, exportCell } from './cells.ts';

export interface SheetColumn {
  /** The key of the value in each row. */
  key: string;
  /** The heading shown in the file, in the reader's language. */
  header: string;
  /** Column width in characters (XLSX only). */
  width?: number;
}

export interface SheetTable {
  /** The worksheet's name (XLSX only; at most 31 characters). */
  name: string;
  columns: SheetColumn[];
  rows: Record<string, CellValue>[];
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A workbook with one worksheet per table, the header row bold and frozen. */
export async function writeXlsx(tables: SheetTable[]): Promise<Buffer> {
  // exceljs holds about 25 MB once loaded: only imports and exports of workbooks load it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column) => ({
      key: column.key,
      header: column.header,
      width: column.width ?? Math.max(12, Math.min(60, column.header.length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, exportCell(row[c.key])])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A CSV file of one table: UTF-8 with a byte-order mark (so spreadsheet programs read accents and
 * Arabic correctly), comma-separated, dates as YYYY-MM-DD.
 */
export function writeCsv(table: SheetTable): string {
  const records = table.rows.map((row) =>
    table.columns.map((c) => {
      const cell = exportCell(row[c.key]);
      if (cell === null) return '';
      if (cell instanceof Date) return isoDate(cell);
      return String(cell);
    }),
  );
  return `\uFEFF${stringify([table.columns.map((c) => c.header), ...records])}`;
}
