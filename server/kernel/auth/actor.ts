import { AppError } from '../errors.ts';

export const roles = ['admin', 'officer', 'steering', 'partner', 'expert'] as const;
export type Role = (typeof roles)[number];

/** The signed-in person behind a request, as every service sees it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The institution whose work a partner may see; null for everyone else. */
  institutionId: string | null;
}

/** Staff see the whole portfolio; partners and experts only their own part of it. */
export const isStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'officer';

/** Staff and steering members read the whole portfolio; only staff change it. */
export const readsWholePortfolio = (actor: Actor) => isStaff(actor) || actor.role === 'steering';

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to use this endpoint');
  return actor;
}

export function requireRole(actor: Actor | null, allowed: readonly Role[]): Actor {
  const signedIn = requireActor(actor);
  if (!allowed.includes(signedIn.role)) {
    throw new AppError('FORBIDDEN', `This needs one of the roles: ${allowed.join(', ')}`);
  }
  return signedIn;
}
