import type { FastifyReply } from 'fastify';
import {
  CSV_MEDIA_TYPE,
  type SheetTable,
  writeCsv,
  writeXlsx,
  XLSX_MEDIA_TYPE,
} from '../../kernel/spreadsheets/write-spreadsheet.ts';

export type TableFormat = 'csv' | 'xlsx';

/** Sends tables as a download: CSV holds the first table, XLSX one worksheet per table. */
export async function sendTable(
  reply: FastifyReply,
  tables: SheetTable | SheetTable[],
  format: TableFormat,
  baseName: string,
) {
  const list = Array.isArray(tables) ? tables : [tables];
  const body =
    format === 'csv' ? Buffer.from(writeCsv(list[0] as SheetTable), 'utf8') : await writeXlsx(list);
  return reply
    .type(format === 'csv' ? CSV_MEDIA_TYPE : XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename="${baseName}.${format}"`)
    .header('content-length', body.length)
    .header('cache-control', 'private, no-store')
    .send(body);
}
