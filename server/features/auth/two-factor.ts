import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, type Role, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { recoveryCodes, sessions, users } from './auth.table.ts';

/** Roles whose accounts must sign in with a second factor. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['admin', 'officer', 'steering'];
/** The demo facility's accounts, exempt from two-factor sign-in in demo mode only. */
export const isDemoAccount = (email: string) => email.toLowerCase().endsWith('@demo.tandem.test');

export function requiresTotp(user: { role: Role; email: string }, demo: boolean): boolean {
  if (demo && isDemoAccount(user.email)) return false;
  return ROLES_REQUIRING_TOTP.includes(user.role);
}

const PERIOD = 30;
const RECOVERY_CODES = 10;

const totpFor = (secret: string, email: string) =>
  new OTPAuth.TOTP({
    issuer: 'Tandem',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });

const digest = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** A code from the authenticator for a secret, as tests and the load run need one. */
export const currentTotp = (secret: string, timestamp = Date.now()) =>
  totpFor(secret, 'x').generate({ timestamp });

/**
 * Checks a second factor: a 6-digit TOTP code (one step of clock drift either way, each time step
 * accepted once), or one of the account's unused recovery codes, which is then spent.
 */
export async function checkSecondFactor(
  tx: Db,
  user: { id: string; email: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<'totp' | 'recovery' | null> {
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed) && user.totpSecret) {
    const now = Date.now();
    const delta = totpFor(user.totpSecret, user.email).validate({
      token: trimmed,
      timestamp: now,
      window: 1,
    });
    if (delta === null) return null;
    const step = Math.floor(now / 1000 / PERIOD) + delta;
    // Spends the step atomically, so a code seen by someone else cannot be replayed.
    const spent = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
      .returning({ id: users.id });
    return spent.length ? 'totp' : null;
  }
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, digest(trimmed)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length ? 'recovery' : null;
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, a PNG data URL. */
  qrDataUrl: string;
}

/** Starts (or restarts) enrolment: a new secret, not in force until a code from it is confirmed. */
export async function startTotpSetup(db: Db, actor: Actor | null): Promise<TotpSetup> {
  const me = requireActor(actor);
  const [user] = await db.select({ enabled: users.totpEnabledAt }).from(users).where(eq(users.id, me.id));
  if (user?.enabled) throw new AppError('CONFLICT', 'Two-factor sign-in is already set up for this account');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: secret }).where(eq(users.id, me.id));
    await recordAudit(tx, { actorId: me.id, event: 'auth.totp_setup', entityType: 'user', entityId: me.id });
  });
  const otpauthUri = totpFor(secret, me.email).toString();
  return {
    secret,
    otpauthUri,
    qrDataUrl: await (await import('qrcode')).default.toDataURL(otpauthUri, { margin: 1, width: 240 }),
  };
}

/**
 * Confirms enrolment with a code from the authenticator: two-factor sign-in is then in force, the
 * session is no longer limited to enrolment, and ten recovery codes are answered, once.
 */
export async function confirmTotp(
  db: Db,
  actor: Actor | null,
  sessionId: string,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const me = requireActor(actor);
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, me.id));
    if (!user?.totpSecret)
      throw new AppError('CONFLICT', 'Start the set-up first (POST /api/auth/totp/setup)');
    if (user.totpEnabledAt)
      throw new AppError('CONFLICT', 'Two-factor sign-in is already set up for this account');
    if (!/^\d{6}$/.test(code.trim()) || (await checkSecondFactor(tx, user, code)) !== 'totp') {
      throw new AppError(
        'TOTP_INVALID',
        'The code is not correct; check the time on the device and try again',
        [{ field: 'code', message: 'is not the current code of the authenticator' }],
      );
    }
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = randomBytes(5).toString('hex');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: me.id, codeHash: digest(c) })));
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, me.id));
    await tx.update(sessions).set({ enrolmentOnly: null }).where(eq(sessions.id, sessionId));
    await recordAudit(tx, { actorId: me.id, event: 'auth.totp_enable', entityType: 'user', entityId: me.id });
    return { recoveryCodes: codes };
  });
}

/** How many unused recovery codes the account has left. */
export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
