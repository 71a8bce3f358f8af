import { z } from 'zod';

export const auditListQuery = z.strictObject({
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  /** The user who made the change (their id). */
  actor: z.uuid({ error: 'must be a user id' }).optional(),
  /** From this time on (ISO date or date-time), inclusive. */
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** Up to this time, exclusive. */
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** The `nextCursor` of the page before: events older than it. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditListQuery = z.input<typeof auditListQuery>;

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  event: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  /** Personal values in `changes` were pseudonymised after an erasure. */
  erased: z.boolean(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const auditPage = z.object({
  items: z.array(auditItem),
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;
