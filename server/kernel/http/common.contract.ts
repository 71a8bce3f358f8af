import { z } from 'zod';

/** The one error format of the API, for every status from 400 to 599. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('Field-level problems, for validation errors'),
    current: z
      .object({ version: z.number().int(), record: z.unknown() })
      .optional()
      .describe('With 412: the record as it is now and its version, to merge a change into'),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const uuidParam = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });

export const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' });
export const shortCode = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, { error: 'must be a short lower-case code' });
export const isoDate = z.iso.date();

/** Page and page size, in the query string, as strings that are numbers. */
export const paginationQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const namedCode = z.object({ code: z.string(), name: z.string() });

/** A conditional GET whose ETag still matches: no body. */
export const notModified = z.null().describe('Not modified: the copy the client holds is current');

/** An ISO 639 language code, such as `en`, `ar` or `tet` (Tetum). */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/, { error: 'must be an ISO 639 language code' });

/** What a client is told about a stored file: enough to offer its download. */
export const fileInfo = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type FileInfo = z.infer<typeof fileInfo>;
