import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutions } from '../institutions/institutions.table.ts';

export { type Role, roles } from '../../kernel/auth/actor.ts';

import { roles } from '../../kernel/auth/actor.ts';
export const userRole = pgEnum('user_role', roles);

/** A person who signs in. A partner is linked to the institution whose work it may see. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-case so that sign-in is case-insensitive. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: userRole('role').notNull(),
  institutionId: uuid('institution_id').references(() => institutions.id),
  passwordHash: text('password_hash').notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** Failed sign-ins since the last successful one: they slow down and then lock the account. */
  failedLogins: integer('failed_logins').notNull().default(0),
  /** No sign-in is tried before this time (the progressive delay, and the lockout). */
  loginBlockedUntil: timestamp('login_blocked_until', { withTimezone: true }),
  /** The TOTP secret (base32), set at enrolment; it counts once `totpEnabledAt` is set. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step used, so that a code is not accepted twice. */
  totpLastStep: integer('totp_last_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Server-side sessions, so that any app process can serve any user. The cookie carries a random
 * token; only its SHA-256 digest is stored, so a database leak does not hand out live sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** The id users and admins see and end a session by (the primary key is the token's digest). */
    handle: uuid('handle').notNull().defaultRandom().unique(),
    /** The browser that opened it, shown in the list of sessions. */
    userAgent: text('user_agent'),
    /** A session that may only enrol in two-factor sign-in (for a role that requires it). */
    enrolmentOnly: timestamp('enrolment_only_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The absolute limit: the session ends then, however active it is. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Password reset tokens: only their SHA-256 digest is stored; each is used once and expires. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** Recovery codes for two-factor sign-in: hashed, each used once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
