import { and, eq, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { decoyPasswordHash, verifyPassword } from '../../kernel/auth/password.ts';
import type { KnownVersions } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { institutions } from '../institutions/institutions.table.ts';
import type { SessionUser, TwoFactorState } from './auth.contract.ts';
import { sessions, users } from './auth.table.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, newToken, sessionIdOf, TOUCH_INTERVAL_MS } from './session.ts';
import { readSession } from './session-reads.ts';
import { checkSecondFactor, requiresTotp } from './two-factor.ts';

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: SessionUser;
  twoFactor: TwoFactorState;
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

/** Failed sign-ins allowed without delay; each one after that doubles the wait, from one second. */
export const FREE_FAILURES = 3;
/** After this many failures in a row the account is locked for LOCKOUT_MS. */
export const LOCK_AFTER = 10;
export const LOCKOUT_MS = 15 * 60 * 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;

export const delayAfter = (failures: number) =>
  failures >= LOCK_AFTER
    ? LOCKOUT_MS
    : failures > FREE_FAILURES
      ? Math.min(1000 * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS)
      : 0;

const invalid = () =>
  new AppError('INVALID_CREDENTIALS', 'The e-mail address or the password is not correct');

/**
 * Counts a failed sign-in in the database (so every process sees it) and sets the time before which
 * no further attempt is tried: free at first, then a doubling delay, then a lockout.
 */
async function countFailure(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, userId))
      .returning({ failures: users.failedLogins });
    const failures = row?.failures ?? 0;
    const wait = delayAfter(failures);
    if (wait > 0)
      await tx
        .update(users)
        .set({ loginBlockedUntil: new Date(Date.now() + wait) })
        .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: null,
      event: failures === LOCK_AFTER ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: userId,
      changes: { failures },
    });
  });
}

export interface LoginOptions {
  /** A TOTP code or a recovery code, for an account with two-factor sign-in. */
  otp?: string | undefined;
  userAgent?: string | undefined;
  /** Demo mode: the demo accounts sign in without a second factor. */
  demo: boolean;
}

/**
 * Checks the password (and the second factor where the account has one) and opens a new session (a
 * new id at every sign-in, against fixation). An account whose role requires two-factor sign-in
 * and that has not set it up gets a session limited to setting it up.
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  options: LoginOptions,
): Promise<SignedIn> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const blockedFor = user?.loginBlockedUntil ? user.loginBlockedUntil.getTime() - Date.now() : 0;
  if (user && blockedFor > 0) {
    const seconds = Math.ceil(blockedFor / 1000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      user.failedLogins >= LOCK_AFTER
        ? `Too many failed sign-ins: this account is locked for ${Math.ceil(seconds / 60)} more minutes, or until its password is reset`
        : `Too many failed sign-ins: wait ${seconds} seconds before the next try`,
    );
  }
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await decoyPasswordHash(), password).then(() => false);
  if (!user || !valid || user.disabledAt) {
    if (user && !user.disabledAt) await countFailure(db, user.id);
    throw invalid();
  }
  const enrolled = user.totpEnabledAt !== null;
  const needsEnrolment = !enrolled && requiresTotp(user, options.demo);
  if (enrolled) {
    if (!options.otp)
      throw new AppError('TOTP_REQUIRED', 'Enter the code from the authenticator app, or a recovery code', [
        { field: 'otp', message: 'is required for this account' },
      ]);
    const factor = await db.transaction((tx) => checkSecondFactor(tx, user, options.otp ?? ''));
    if (!factor) {
      await countFailure(db, user.id);
      throw new AppError('TOTP_INVALID', 'The code is not correct, or was used already', [
        { field: 'otp', message: 'is not a current code or an unused recovery code' },
      ]);
    }
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
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      enrolmentOnly: needsEnrolment ? new Date(now) : null,
      // Both times by the app's clock, which the idle and absolute checks read them against.
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + ABSOLUTE_TIMEOUT_MS),
    });
    if (user.failedLogins > 0 || user.loginBlockedUntil)
      await tx.update(users).set({ failedLogins: 0, loginBlockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      event: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      changes: { secondFactor: enrolled, enrolmentOnly: needsEnrolment },
    });
  });
  return {
    token,
    csrfToken,
    user: await presentUser(db, user.id),
    twoFactor: { enabled: enrolled, enrolmentRequired: needsEnrolment },
  };
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
  /** The session's id (the token's digest). */
  id: string;
  /** The session may only set up two-factor sign-in. */
  enrolmentOnly: boolean;
  /** The cached data sets' versions as they stood when the session was read. */
  knownVersions: KnownVersions;
}

/** The actor behind a session token, or null when the session is unknown, expired or idle too long. */
export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const row = await readSession(db, id);
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
    id,
    enrolmentOnly: row.enrolmentOnly !== null,
    knownVersions: { reporting: row.reportingVersion, portfolio: row.portfolioVersion },
  };
}

export const currentUser = (db: Db, actor: Actor) => presentUser(db, actor.id);

/** Whether two-factor sign-in is in force for the account, and whether this session must set it up. */
export async function twoFactorStateOf(
  db: Db,
  userId: string,
  enrolmentOnly: boolean,
): Promise<TwoFactorState> {
  const [row] = await db.select({ enabled: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return { enabled: Boolean(row?.enabled), enrolmentRequired: enrolmentOnly };
}
