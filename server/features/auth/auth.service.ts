import { and, eq, lt, or } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { decoyPasswordHash, verifyPassword } from '../../kernel/auth/password.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { institutions } from '../institutions/institutions.table.ts';
import type { SessionUser } from './auth.contract.ts';
import { sessions, users } from './auth.table.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, newToken, sessionIdOf, TOUCH_INTERVAL_MS } from './session.ts';

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

async function presentUser(db: Db, userId: string): Promise<SessionUser> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      institutionId: institutions.id,
      institutionName: institutions.name,
      institutionAcronym: institutions.acronym,
    })
    .from(users)
    .leftJoin(institutions, eq(institutions.id, users.institutionId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED', 'Sign in to use this endpoint');
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    institution: row.institutionId
      ? { id: row.institutionId, name: row.institutionName ?? '', acronym: row.institutionAcronym }
      : null,
  };
}

/** Checks the password and opens a new session (a new id at every sign-in, against fixation). */
export async function login(db: Db, email: string, password: string): Promise<SignedIn> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await decoyPasswordHash(), password).then(() => false);
  if (!user || !valid || user.disabledAt) {
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail address or the password is not correct');
  }
  const token = newToken();
  const csrfToken = newToken();
  const now = Date.now();
  await db.transaction(async (tx) => {
    // Expired sessions of this user go when a new one opens, so the table does not grow forever.
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, user.id),
          or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - IDLE_TIMEOUT_MS))),
        ),
      );
    await tx.insert(sessions).values({
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now + ABSOLUTE_TIMEOUT_MS),
    });
    await recordAudit(tx, { actorId: user.id, event: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, user: await presentUser(db, user.id) };
}

export async function logout(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));
    await recordAudit(tx, {
      actorId: actor.id,
      event: 'auth.logout',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** The actor behind a session token, or null when the session is unknown, expired or idle too long. */
export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      institutionId: users.institutionId,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  const now = Date.now();
  if (!row || row.disabledAt) return null;
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    actor: {
      id: row.userId,
      email: row.email,
      name: row.name,
      role: row.role,
      institutionId: row.institutionId,
    },
    csrfToken: row.csrfToken,
  };
}

export const currentUser = (db: Db, actor: Actor) => presentUser(db, actor.id);
