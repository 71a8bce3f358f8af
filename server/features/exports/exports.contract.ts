import { z } from 'zod';

/** What can be exported; participants only to those who may see them (staff). */
export const datasetIds = ['actions', 'activities', 'deliverables', 'indicators', 'participants'] as const;
export const datasetId = z.enum(datasetIds);
export type DatasetId = z.infer<typeof datasetId>;

/** What can be imported: changes to Actions' plans, and new or changed activities. */
export const importKinds = ['actions', 'activities'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .describe(
      'true (the default): check every row and report, change nothing; false: apply all rows or none',
    ),
});

export const importProblem = z.object({
  column: z.string().nullable().describe('The column heading as in the file; null for the whole row'),
  message: z.string(),
});

export const importRow = z.object({
  row: z.number().int().describe('The row number as the spreadsheet shows it (the header is row 1)'),
  key: z.string().nullable().describe('The Action code or activity id the row is about'),
  outcome: z.enum(['create', 'update', 'unchanged', 'error']),
  changes: z.array(z.string()).describe('The columns whose value the row changes'),
  problems: z.array(importProblem),
  warnings: z.array(importProblem),
});
export type ImportRow = z.infer<typeof importRow>;

export const importReport = z.object({
  kind: importKind,
  dryRun: z.boolean(),
  applied: z.boolean().describe('Whether the changes were made: never on a dry run or with any error'),
  summary: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
  fileProblems: z.array(importProblem),
  rows: z.array(importRow),
});
export type ImportReport = z.infer<typeof importReport>;
