import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { auditEvents } from '../../kernel/audit/audit.table.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { users } from '../auth/auth.table.ts';
import type { AuditPage, auditListQuery } from './audit.contract.ts';

/**
 * The audit log for admins, newest first, filtered by record, actor and time; keyset pagination on
 * the event id (stable while events are appended).
 */
export async function listAuditEvents(
  db: Db,
  actor: Actor | null,
  query: z.output<typeof auditListQuery>,
): Promise<AuditPage> {
  requireRole(actor, ['admin']);
  const where: SQL[] = [];
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditEvents.entityId, query.entityId));
  if (query.actor) where.push(eq(auditEvents.actorId, query.actor));
  if (query.from) where.push(gte(auditEvents.at, new Date(query.from)));
  if (query.to) where.push(lt(auditEvents.at, new Date(query.to)));
  if (query.cursor) where.push(lt(auditEvents.id, query.cursor));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorName: users.name,
      actorEmail: users.email,
      event: auditEvents.event,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      changes: auditEvents.changes,
      erasedAt: auditEvents.erasedAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '', email: r.actorEmail ?? '' } : null,
      event: r.event,
      entityType: r.entityType,
      entityId: r.entityId,
      changes: r.changes,
      erased: r.erasedAt !== null,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
