import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../kernel/auth/password.ts';
import { passwordProblem } from '../../kernel/auth/password-policy.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { Language } from '../../kernel/localized.ts';
import { queueMail, readSettings } from '../notifications/notifications.service.ts';
import type { SessionItem } from './account.contract.ts';
import { passwordResets, sessions, users } from './auth.table.ts';
import { composeResetMail } from './auth-mail.ts';
import { IDLE_TIMEOUT_MS } from './session.ts';

/** How long a password reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

function requireGoodPassword(password: string, email: string, field: string) {
  const problem = passwordProblem(password, { email });
  if (problem)
    throw new AppError('VALIDATION_FAILED', `The password ${problem}`, [{ field, message: problem }]);
}

/**
 * The sessions of a user that are still alive, newest first: the caller's own, or (for an admin)
 * anyone's. `current` marks the session the request came with.
 */
export async function listSessions(
  db: Db,
  actor: Actor | null,
  currentSessionId: string | null,
  userId?: string,
): Promise<SessionItem[]> {
  const me = requireActor(actor);
  const whose = userId ?? me.id;
  if (whose !== me.id) requireRole(actor, ['admin']);
  const now = Date.now();
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, whose),
        gt(sessions.expiresAt, new Date(now)),
        gt(sessions.lastSeenAt, new Date(now - IDLE_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(sessions.createdAt));
  return rows.map((r) => ({
    id: r.handle,
    userId: r.userId,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    userAgent: r.userAgent,
    current: r.id === currentSessionId,
  }));
}

/** Ends one session: one's own, or anyone's for an admin. Someone else's session is a 404 to others. */
export async function endSession(db: Db, actor: Actor | null, handle: string): Promise<void> {
  const me = requireActor(actor);
  await db.transaction(async (tx) => {
    const [session] = await tx.select().from(sessions).where(eq(sessions.handle, handle));
    if (!session || (session.userId !== me.id && me.role !== 'admin')) throw notFound('Session');
    await tx.delete(sessions).where(eq(sessions.handle, handle));
    await recordAudit(tx, {
      actorId: me.id,
      event: 'auth.session_end',
      entityType: 'user',
      entityId: session.userId,
      changes: { session: handle },
    });
  });
}

/** Disables an account and ends all its sessions at once (admins, or the command line with no actor). */
export async function disableUser(
  db: Db,
  actor: Actor | null,
  target: { id?: string; email?: string },
): Promise<number> {
  if (actor) requireRole(actor, ['admin']);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(
        target.id ? eq(users.id, target.id) : eq(users.email, (target.email ?? '').trim().toLowerCase()),
      );
    if (!user) throw notFound('User');
    if (actor && user.id === actor.id)
      throw new AppError('CONFLICT', 'An admin cannot disable their own account');
    await tx
      .update(users)
      .set({ disabledAt: user.disabledAt ?? new Date() })
      .where(eq(users.id, user.id));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      event: 'user.disable',
      entityType: 'user',
      entityId: user.id,
      changes: { disabled: true, sessionsEnded: ended.length },
    });
    return ended.length;
  });
}

/** Changes one's own password (the current one is asked again); every other session ends. */
export async function changePassword(
  db: Db,
  actor: Actor | null,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const me = requireActor(actor);
  const [user] = await db.select().from(users).where(eq(users.id, me.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('VALIDATION_FAILED', 'The current password is not correct', [
      { field: 'currentPassword', message: 'is not correct' },
    ]);
  requireGoodPassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, me.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, me.id), ne(sessions.id, currentSessionId ?? '')));
    await recordAudit(tx, {
      actorId: me.id,
      event: 'auth.password_change',
      entityType: 'user',
      entityId: me.id,
      changes: { password: 'changed' },
    });
  });
}

/**
 * Starts a password reset: for a known, enabled account, a single-use token (only its digest is
 * stored) that expires in an hour, mailed through the outbox. The answer is the same whether the
 * address is known or not.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string },
  mail: { enabled: boolean; publicUrl: string | undefined; afterCommit(): void },
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.email, input.email.trim().toLowerCase()));
  if (!user || user.disabledAt) return;
  const token = randomBytes(32).toString('base64url');
  const language: Language = (await readSettings(db, { ...user, institutionId: user.institutionId }))
    .language;
  await db.transaction(async (tx) => {
    // A new link replaces any earlier one that was not used.
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({
      id: digest(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_TTL_MS),
    });
    if (mail.enabled) {
      const link = `${mail.publicUrl ?? ''}/reset-password#token=${token}`;
      await queueMail(tx, { recipient: user.email, ...composeResetMail(language, link) });
    }
    await recordAudit(tx, {
      actorId: null,
      event: 'auth.password_reset_request',
      entityType: 'user',
      entityId: user.id,
    });
  });
  mail.afterCommit();
}

/**
 * Sets a new password with a reset token: once, before it expires. Every session of the account
 * ends and the failed sign-in count is cleared; two-factor sign-in stays in force.
 */
export async function confirmPasswordReset(
  db: Db,
  input: { token: string; password: string },
): Promise<void> {
  const id = digest(input.token);
  const [reset] = await db
    .select({
      userId: passwordResets.userId,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
    })
    .from(passwordResets)
    .where(eq(passwordResets.id, id));
  const [user] = reset ? await db.select().from(users).where(eq(users.id, reset.userId)) : [];
  if (!reset || !user || reset.usedAt || reset.expiresAt.getTime() <= Date.now() || user.disabledAt)
    throw new AppError('RESET_TOKEN_INVALID', 'This reset link is not valid any more: ask for a new one', [
      { field: 'token', message: 'is unknown, used already or expired' },
    ]);
  requireGoodPassword(input.password, user.email, 'password');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const spent = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (spent.length === 0)
      throw new AppError('RESET_TOKEN_INVALID', 'This reset link is not valid any more: ask for a new one', [
        { field: 'token', message: 'is unknown, used already or expired' },
      ]);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, loginBlockedUntil: null })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, {
      actorId: null,
      event: 'auth.password_reset',
      entityType: 'user',
      entityId: user.id,
      changes: { password: 'changed' },
    });
  });
}
