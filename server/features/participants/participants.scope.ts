import { eq, type SQL } from 'drizzle-orm';
import { type Actor, isStaff } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import { people } from './participants.table.ts';

/**
 * Participants' records are personal data. Names and contacts are seen by staff (admins and
 * officers) for everyone, and by a partner for the people of its own institution; steering members,
 * experts and the public see counts only.
 */
export function seesNameOf(actor: Actor, person: { institutionId: string | null }): boolean {
  if (isStaff(actor)) return true;
  return (
    actor.role === 'partner' && actor.institutionId !== null && person.institutionId === actor.institutionId
  );
}

/** Which people a caller may see by id, as a condition on `people` (false: none). */
export function personScope(actor: Actor): SQL | undefined | false {
  if (isStaff(actor)) return undefined;
  if (actor.role === 'partner' && actor.institutionId) return eq(people.institutionId, actor.institutionId);
  return false;
}

/** Staff register anyone; a partner's focal point registers its own officials. */
export function mayRegister(actor: Actor): boolean {
  return isStaff(actor) || (actor.role === 'partner' && actor.institutionId !== null);
}

export function requireRegistrar(actor: Actor): Actor {
  if (!mayRegister(actor)) {
    throw new AppError(
      'FORBIDDEN',
      'Only staff and the partner’s focal points keep registers of participants',
    );
  }
  return actor;
}
