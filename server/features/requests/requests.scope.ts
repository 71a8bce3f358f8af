import { inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, isStaff } from '../../kernel/auth/actor.ts';
import { type RequestStatus, requestInstitutions, requests } from './requests.table.ts';

/**
 * Which requests a caller may see, applied in SQL so that lists and reads by id agree. Officers and
 * admins see all; a partner its institution's (joint ones included); steering members those that
 * reached the committee; experts none.
 */
export type RequestScope =
  | { kind: 'all' }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'steering' }
  | { kind: 'none' };

export const STEERING_STATUSES: RequestStatus[] = ['steering_review', 'approved', 'declined'];

export function requestScopeFor(actor: Actor): RequestScope {
  if (isStaff(actor)) return { kind: 'all' };
  if (actor.role === 'steering') return { kind: 'steering' };
  if (actor.role === 'partner' && actor.institutionId) {
    return { kind: 'institution', institutionId: actor.institutionId };
  }
  return { kind: 'none' };
}

export function requestScopeCondition(scope: RequestScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'steering':
      return inArray(requests.status, STEERING_STATUSES);
    case 'none':
      return sql`false`;
    case 'institution':
      return sql`exists (select 1 from ${requestInstitutions} where ${requestInstitutions.requestId} = ${requests.id} and ${requestInstitutions.institutionId} = ${scope.institutionId})`;
  }
}

/** Screening notes, eligibility and steering deliberations are for staff and the committee only. */
export const seesInternals = (actor: Actor) => isStaff(actor) || actor.role === 'steering';
