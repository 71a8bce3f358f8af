import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The largest upload any endpoint accepts; endpoints set their own, smaller limits. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export interface Upload {
  bytes: Buffer;
  fileName: string;
  /** The other (text) fields of the form. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart form with exactly one file in `fileField`. The file's size limit is enforced
 * while streaming, so an oversized upload is refused before it is held in memory.
 */
export async function readUpload(
  request: FastifyRequest,
  fileField: string,
  maxBytes: number,
): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  }
  const fields: Record<string, string> = {};
  let upload: { bytes: Buffer; fileName: string } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 50 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== fileField) {
        part.file.resume();
        throw new AppError('VALIDATION_FAILED', `Unexpected file field "${part.fieldname}"`, [
          { field: part.fieldname, message: `is not a file field; send the file as "${fileField}"` },
        ]);
      }
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
            [{ field: fileField, message: 'is too large' }],
          );
        }
        throw error;
      });
      upload = { bytes, fileName: part.filename || 'file' };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!upload) {
    throw new AppError('VALIDATION_FAILED', `The form has no file in "${fileField}"`, [
      { field: fileField, message: 'is required' },
    ]);
  }
  return { ...upload, fields };
}
