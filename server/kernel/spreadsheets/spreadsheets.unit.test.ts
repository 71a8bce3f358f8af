import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { neutraliseFormula, restoreNeutralised } from './cells.ts';
import { readSpreadsheet } from './read-spreadsheet.ts';
import { type SheetTable, writeCsv, writeXlsx } from './write-spreadsheet.ts';

const options = { maxBytes: 1024 * 1024, maxRows: 100 };

const table: SheetTable = {
  name: 'People',
  columns: [
    { key: 'name', header: 'Name' },
    { key: 'note', header: 'Note' },
    { key: 'hours', header: 'Hours' },
    { key: 'day', header: 'Day' },
  ],
  rows: [
    { name: 'Akosua Mensah', note: '=HYPERLINK("http://evil.test")', hours: 12, day: new Date('2026-03-04') },
    { name: 'Nour Haddad', note: '-5 days, then +2', hours: 7.5, day: null },
    { name: 'María Pérez; "Mar"', note: 'café, señal, شكرا', hours: 0, day: undefined },
  ],
};

const expectedCells = [
  { Name: 'Akosua Mensah', Note: '=HYPERLINK("http://evil.test")', Hours: '12', Day: '2026-03-04' },
  { Name: 'Nour Haddad', Note: '-5 days, then +2', Hours: '7.5', Day: '' },
  { Name: 'María Pérez; "Mar"', Note: 'café, señal, شكرا', Hours: '0', Day: '' },
];

describe('formula neutralisation', () => {
  it('prefixes text that a spreadsheet would run as a formula, and only that', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(formula)).toBe(`'${formula}`);
      expect(restoreNeutralised(neutraliseFormula(formula))).toBe(formula);
    }
    expect(neutraliseFormula('Accra')).toBe('Accra');
    expect(restoreNeutralised("'quoted")).toBe("'quoted");
  });
});

describe('writing and reading back', () => {
  it('a CSV holds neutralised formulas and reads back unchanged', async () => {
    const csv = writeCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    const sheet = await readSpreadsheet(Buffer.from(csv), 'people.csv', options);
    expect(sheet.kind).toBe('csv');
    expect(sheet.headers).toEqual(['Name', 'Note', 'Hours', 'Day']);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(sheet.rows.map((r) => r.cells)).toEqual(expectedCells);
  });

  it('an XLSX stores formula-looking text as text and reads back unchanged', async () => {
    const bytes = await writeXlsx([table]);
    const sheet = await readSpreadsheet(bytes, 'people.xlsx', options);
    expect(sheet.kind).toBe('xlsx');
    expect(sheet.rows.map((r) => r.cells)).toEqual(expectedCells);
  });

  it('reads CSV separated by semicolons, skips empty rows and keeps row numbers', async () => {
    const csv = 'Name;Sex\nAma Owusu;female\n;\nKofi Boateng;male\n';
    const sheet = await readSpreadsheet(Buffer.from(csv), 'list.csv', options);
    expect(sheet.rows).toEqual([
      { row: 2, cells: { Name: 'Ama Owusu', Sex: 'female' } },
      { row: 4, cells: { Name: 'Kofi Boateng', Sex: 'male' } },
    ]);
  });
});

describe('refusals', () => {
  const refusal = async (bytes: Buffer, opts = options) => {
    const error = await readSpreadsheet(bytes, 'f', opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('refuses a binary file that is not a workbook, naming the field', async () => {
    const error = await refusal(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2]));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.details?.[0]?.field).toBe('file');
  });

  it('refuses too many rows and too many bytes', async () => {
    const csv = `Name\n${Array.from({ length: 5 }, (_, i) => `P${i}`).join('\n')}`;
    expect((await refusal(Buffer.from(csv), { maxBytes: 1000, maxRows: 3 })).message).toContain(
      'more than 3 rows',
    );
    expect((await refusal(Buffer.from(csv), { maxBytes: 10, maxRows: 100 })).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an empty file', async () => {
    expect((await refusal(Buffer.from('\n\n'))).message).toContain('no header row');
  });
});
