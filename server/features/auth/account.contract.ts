import { z } from 'zod';
import { roles } from '../../kernel/auth/actor.ts';
import { MAX_PASSWORD_LENGTH } from '../../kernel/auth/password-policy.ts';

export const sessionItem = z.object({
  /** The session's handle, to end it by (never the cookie's token). */
  id: z.uuid(),
  userId: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof sessionItem>;
export const sessionList = z.object({ items: z.array(sessionItem) });
export type SessionList = z.infer<typeof sessionList>;
export const sessionListQuery = z.strictObject({
  /** Admins only: the sessions of another user. */
  userId: z.uuid().optional(),
});
export const sessionParams = z.strictObject({ id: z.uuid() });
export const userParams = z.strictObject({ id: z.uuid() });

const newPassword = z.string().min(1, { error: 'is required' }).max(MAX_PASSWORD_LENGTH);
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, { error: 'is required' }).max(MAX_PASSWORD_LENGTH),
  newPassword,
});
export const resetRequestBody = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(254),
});
export const resetConfirmBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPassword,
});
export type ResetConfirmBody = z.infer<typeof resetConfirmBody>;

export const totpSetupResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export type TotpSetupResponse = z.infer<typeof totpSetupResponse>;
export const totpConfirmBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});
export const totpConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpConfirmResponse = z.infer<typeof totpConfirmResponse>;
export const disableResponse = z.object({ sessionsEnded: z.number().int() });

export const signInOptions = z.object({
  /** Demo mode: the demo accounts sign in without a second factor. */
  demo: z.boolean(),
  /** The roles that must sign in with a second factor. */
  twoFactorRoles: z.array(z.enum(roles)),
});
export type SignInOptions = z.infer<typeof signInOptions>;
