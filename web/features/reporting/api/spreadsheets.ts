import type {
  DatasetId,
  ImportKind,
  ImportReport,
} from '../../../../server/features/exports/exports.contract.ts';
import { type Progress, uploadFile } from '../../../lib/transfer.ts';

export const exportUrl = (dataset: DatasetId, format: 'csv' | 'xlsx') => `/api/exports/${dataset}.${format}`;
export const templateUrl = (kind: ImportKind) => `/api/imports/${kind}/template.xlsx`;

/** Sends an import file: a dry run that reports, or the apply (all rows or none). */
export function sendImport(kind: ImportKind, file: File, dryRun: boolean, onProgress: (p: Progress) => void) {
  return uploadFile<ImportReport>(`/api/imports/${kind}?dryRun=${dryRun}`, file, { onProgress });
}
