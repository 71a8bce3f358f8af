import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { users } from '../auth/auth.table.ts';
import type { Notifier } from '../notifications/notifications.service.ts';
import type { MessageList, Timeline } from './requests.contract.ts';
import { notifyAbout } from './requests.notify.ts';
import { assertCanWrite } from './requests.policy.ts';
import { seesInternals } from './requests.scope.ts';
import { loadVisible } from './requests.service.ts';
import { requestMessages, requestTransitions } from './requests.table.ts';

/** Steps whose reason is an internal note: the partner sees that they happened, not the note. */
const INTERNAL_REASON = new Set(['screening', 'steering_review']);

export async function readTimeline(db: Db, actor: Actor | null, id: string): Promise<Timeline> {
  const me = requireActor(actor);
  await loadVisible(db, me, id);
  const rows = await db
    .select({
      id: requestTransitions.id,
      from: requestTransitions.fromStatus,
      to: requestTransitions.toStatus,
      at: requestTransitions.createdAt,
      reason: requestTransitions.reason,
      name: users.name,
      role: users.role,
    })
    .from(requestTransitions)
    .leftJoin(users, eq(users.id, requestTransitions.actorId))
    .where(eq(requestTransitions.requestId, id))
    .orderBy(asc(requestTransitions.createdAt), asc(requestTransitions.id));
  return {
    items: rows.map((row) => ({
      id: row.id,
      from: row.from,
      to: row.to,
      at: row.at.toISOString(),
      by: row.name && row.role ? { name: row.name, role: row.role } : null,
      reason: !seesInternals(me) && INTERNAL_REASON.has(row.to) ? null : row.reason,
    })),
  };
}

export async function readMessages(db: Db, actor: Actor | null, id: string): Promise<MessageList> {
  const me = requireActor(actor);
  await loadVisible(db, me, id);
  const rows = await db
    .select({
      id: requestMessages.id,
      kind: requestMessages.kind,
      body: requestMessages.body,
      at: requestMessages.createdAt,
      name: users.name,
      role: users.role,
    })
    .from(requestMessages)
    .leftJoin(users, eq(users.id, requestMessages.authorId))
    .where(eq(requestMessages.requestId, id))
    .orderBy(asc(requestMessages.createdAt), asc(requestMessages.id));
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      body: row.body,
      at: row.at.toISOString(),
      by: row.name && row.role ? { name: row.name, role: row.role } : null,
    })),
  };
}

/** A message in the request's thread; the other side hears of it. */
export async function postMessage(db: Db, notifier: Notifier, actor: Actor | null, id: string, body: string) {
  const me = requireActor(actor);
  await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id);
    assertCanWrite(me, visible.access);
    const [message] = await tx
      .insert(requestMessages)
      .values({ requestId: id, authorId: me.id, kind: 'message', body })
      .returning({ id: requestMessages.id });
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.message',
      entityType: 'request',
      entityId: id,
      changes: { messageId: message?.id },
    });
    await notifyAbout(
      tx,
      notifier,
      me,
      { id, number: visible.row.number, title: visible.row.title, access: visible.access },
      'request.message',
      isStaff(me) ? ['partners'] : ['officers'],
    );
  });
  notifier.afterCommit();
  return readMessages(db, me, id);
}
