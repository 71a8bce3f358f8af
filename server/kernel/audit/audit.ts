import type { Db } from '../db/database.ts';
import { auditEvents } from './audit.table.ts';

export interface AuditEntry {
  actorId: string | null;
  event: string;
  entityType: string;
  entityId?: string | null;
  /** The changed fields, never secrets such as password hashes or tokens. */
  changes?: Record<string, unknown>;
}

/** Writes one audit event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    event: entry.event,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? {},
  });
}
