import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { isLanguage, type Language } from '../../kernel/localized.ts';
import { users } from '../auth/auth.table.ts';
import { composeMail, type NotificationKind } from './mail-catalog.ts';
import type { NotificationList } from './notifications.contract.ts';
import { mailOutbox, notificationSettings, notifications } from './notifications.table.ts';

/** What a service needs to notify people: whether mail is on, and how to build links. */
export interface Notifier {
  mailEnabled: boolean;
  publicUrl: string | undefined;
  /** Call after the transaction commits: sends the queued mails. */
  afterCommit(): void;
}

export interface NotificationEvent {
  recipients: string[];
  kind: NotificationKind;
  params: Record<string, string | number>;
  /** A path in the web app. */
  link: string;
  /** A reason the recipient may read (a decision, a question); never staff-only notes. */
  reason?: string | null;
}

/** Writes in-app notifications and queues their mails, in the caller's transaction. */
export async function notify(tx: Db, notifier: Notifier, event: NotificationEvent): Promise<void> {
  const recipients = [...new Set(event.recipients)];
  if (recipients.length === 0) return;
  const params = event.reason ? { ...event.params, reason: event.reason } : event.params;
  await tx
    .insert(notifications)
    .values(recipients.map((userId) => ({ userId, kind: event.kind, params, link: event.link })));
  if (!notifier.mailEnabled) return;
  const people = await tx
    .select({ email: users.email, disabledAt: users.disabledAt, language: notificationSettings.language })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(inArray(users.id, recipients));
  const link = `${notifier.publicUrl ?? ''}${event.link}`;
  const mails = people
    .filter((person) => !person.disabledAt)
    .map((person) => {
      const language: Language = isLanguage(person.language) ? person.language : 'en';
      const { subject, text } = composeMail(event.kind, language, {
        ...event.params,
        link,
        ...(event.reason ? { reason: event.reason } : {}),
      });
      return { recipient: person.email, subject, body: text };
    });
  if (mails.length) await tx.insert(mailOutbox).values(mails);
}

export async function listNotifications(
  db: Db,
  actor: Actor | null,
  query: { unread?: boolean; page: number; pageSize: number },
): Promise<NotificationList> {
  const me = requireActor(actor);
  const mine = eq(notifications.userId, me.id);
  const where = query.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [totals], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      params: row.params,
      link: row.link,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
    total: totals?.n ?? 0,
    unread: unread?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Marks one of the caller's notifications, or all of them, as read. */
export async function markRead(db: Db, actor: Actor | null, id: string | 'all'): Promise<{ unread: number }> {
  const me = requireActor(actor);
  const mine = eq(notifications.userId, me.id);
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(id === 'all' ? and(mine, isNull(notifications.readAt)) : and(mine, eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (id !== 'all' && updated.length === 0) throw notFound('Notification');
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { unread: unread?.n ?? 0 };
}

export async function readSettings(db: Db, actor: Actor | null): Promise<{ language: Language }> {
  const me = requireActor(actor);
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, me.id));
  return { language: isLanguage(row?.language) ? row.language : 'en' };
}

/** The language of the caller's mails; the web app keeps it in step with the interface language. */
export async function saveSettings(db: Db, actor: Actor | null, input: { language: Language }) {
  const me = requireActor(actor);
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationSettings)
      .values({ userId: me.id, language: input.language })
      .onConflictDoUpdate({
        target: notificationSettings.userId,
        set: { language: input.language, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorId: me.id,
      event: 'notification_settings.update',
      entityType: 'user',
      entityId: me.id,
      changes: { language: input.language },
    });
  });
  return { language: input.language };
}

/** Queues one mail in the caller's transaction; it goes out after the commit (the outbox sends it). */
export async function queueMail(
  tx: Db,
  mail: { recipient: string; subject: string; body: string },
): Promise<void> {
  await tx.insert(mailOutbox).values(mail);
}
