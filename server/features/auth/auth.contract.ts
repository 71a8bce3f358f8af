import { z } from 'zod';
import { roles } from './auth.table.ts';

export const loginBody = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(254),
  password: z.string().min(1, { error: 'is required' }).max(1024),
});

export const sessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  institution: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }).nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponse>;
