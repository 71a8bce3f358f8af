import { z } from 'zod';
import { roles } from '../../kernel/auth/actor.ts';

export const loginBody = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(254),
  password: z.string().min(1, { error: 'is required' }).max(1024),
  /** The code from the authenticator app, or a recovery code, for an account with two-factor sign-in. */
  otp: z.string().trim().min(6).max(20).optional(),
});

export const sessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  institution: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }).nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const twoFactorState = z.object({
  /** Two-factor sign-in is in force for this account. */
  enabled: z.boolean(),
  /** The account's role requires it and it is not set up yet: the session may only set it up. */
  enrolmentRequired: z.boolean(),
});
export type TwoFactorState = z.infer<typeof twoFactorState>;

export const loginResponse = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  twoFactor: twoFactorState,
});
export type LoginResponse = z.infer<typeof loginResponse>;
