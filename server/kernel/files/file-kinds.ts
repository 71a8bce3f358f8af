import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.ts';

/** Kinds of file that features accept, by the media types their content may have. */
export const FILE_KINDS = {
  pdf: { label: 'PDF', mediaTypes: ['application/pdf'] },
  word: {
    label: 'Word document',
    mediaTypes: [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/x-cfb',
    ],
  },
  image: { label: 'image (PNG, JPEG or WebP)', mediaTypes: ['image/png', 'image/jpeg', 'image/webp'] },
  spreadsheet: {
    label: 'spreadsheet (XLSX)',
    mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export interface CheckedFile {
  mediaType: string;
  extension: string;
}

/**
 * Checks a file by its content, never by its name or the type the client claimed: a file named
 * `.pdf` that is not a PDF is refused, with a message that says what it is not.
 */
export async function checkFileContent(
  bytes: Buffer,
  fileName: string,
  allowed: readonly FileKind[],
  maxBytes: number,
  field = 'file',
): Promise<CheckedFile> {
  const accepted = allowed.map((kind) => FILE_KINDS[kind].label).join(', ');
  if (bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', `The file "${fileName}" is empty`, [
      { field, message: 'is empty' },
    ]);
  }
  if (bytes.length > maxBytes) {
    const limit = `${Math.round(maxBytes / 1024 / 1024)} MB`;
    throw new AppError('PAYLOAD_TOO_LARGE', `The file "${fileName}" is larger than ${limit}`, [
      { field, message: `is larger than ${limit}` },
    ]);
  }
  const detected = await fileTypeFromBuffer(bytes);
  const kind = allowed.find(
    (k) => detected && (FILE_KINDS[k].mediaTypes as readonly string[]).includes(detected.mime),
  );
  if (!detected || !kind) {
    const what = detected ? `its content is ${detected.mime}` : 'its content is not a known file type';
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file "${fileName}" is not accepted: ${what}. Accepted: ${accepted}`,
      [{ field, message: `must be one of: ${accepted} (${what})` }],
    );
  }
  return { mediaType: detected.mime, extension: detected.ext };
}
