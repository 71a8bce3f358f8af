import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roles } from '../../kernel/auth/actor.ts';
import { hashPassword } from '../../kernel/auth/password.ts';
import { passwordProblem } from '../../kernel/auth/password-policy.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { users } from '../auth/auth.table.ts';
import { institutions } from '../institutions/institutions.table.ts';

export const newUserInput = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  institutionId: z.uuid().nullable(),
  password: z.string().min(12, { error: 'must be at least 12 characters' }).max(1024),
});
export type NewUserInput = z.infer<typeof newUserInput>;

/** Creates an account; a partner must belong to an institution, nobody else does. */
export async function createUser(db: Db, actor: Actor | null, input: NewUserInput) {
  const parsed = newUserInput.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', `${details[0]?.field} ${details[0]?.message}`, details);
  }
  const { email, name, role, institutionId, password } = parsed.data;
  const problem = passwordProblem(password, { email });
  if (problem)
    throw new AppError('VALIDATION_FAILED', `password ${problem}`, [{ field: 'password', message: problem }]);
  if (role === 'partner' && !institutionId) {
    throw new AppError('VALIDATION_FAILED', 'A partner account needs its institution', [
      { field: 'institutionId', message: 'is required for a partner' },
    ]);
  }
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const normalised = email.trim().toLowerCase();
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, normalised));
    if (existing) {
      throw new AppError('CONFLICT', 'An account with this e-mail address exists', [
        { field: 'email', message: 'is taken' },
      ]);
    }
    if (institutionId) {
      const [institution] = await tx
        .select({ id: institutions.id })
        .from(institutions)
        .where(eq(institutions.id, institutionId));
      if (!institution)
        throw new AppError('VALIDATION_FAILED', 'No such institution', [
          { field: 'institutionId', message: 'does not exist' },
        ]);
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: normalised,
        name,
        role,
        institutionId: role === 'partner' ? institutionId : null,
        passwordHash,
      })
      .returning({ id: users.id, email: users.email, role: users.role });
    if (!user) throw new Error('user was not inserted');
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      event: 'user.create',
      entityType: 'user',
      entityId: user.id,
      changes: { email: user.email, role: user.role, institutionId },
    });
    return user;
  });
}
