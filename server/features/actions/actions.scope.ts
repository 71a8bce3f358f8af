import { type Actor, isStaff } from '../../kernel/auth/actor.ts';
import type { ActionStatus } from './actions.table.ts';

/**
 * Which Actions a caller may see. Staff and steering see the whole portfolio; a partner its own
 * institution's Actions; an expert the Actions they are deployed on; the public those past design
 * that were not cancelled or suspended.
 */
export type ActionScope =
  | { kind: 'all' }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'deployed'; userId: string }
  | { kind: 'public' }
  | { kind: 'none' };

/** Statuses the public portal shows; design is partner-scoped work in progress. */
export const PUBLIC_STATUSES: ActionStatus[] = ['implementation', 'closing', 'completed'];
/** "Ongoing" for the public: what it can see of design, implementation and closing. */
export const PUBLIC_ONGOING_STATUSES: ActionStatus[] = ['implementation', 'closing'];
export const ONGOING_STATUSES: ActionStatus[] = ['design', 'implementation', 'closing'];

export function scopeFor(actor: Actor): ActionScope {
  if (isStaff(actor) || actor.role === 'steering') return { kind: 'all' };
  if (actor.role === 'partner' && actor.institutionId) {
    return { kind: 'institution', institutionId: actor.institutionId };
  }
  if (actor.role === 'expert') return { kind: 'deployed', userId: actor.id };
  return { kind: 'none' };
}
