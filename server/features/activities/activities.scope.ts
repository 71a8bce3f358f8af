import { type SQL, sql } from 'drizzle-orm';
import { type Actor, readsWholePortfolio } from '../../kernel/auth/actor.ts';
import { actionWhere } from '../actions/actions.queries.ts';
import { type ActionScope, scopeFor } from '../actions/actions.scope.ts';
import { actions } from '../actions/actions.table.ts';
import { deployedActivityIds } from '../experts/experts.scope.ts';
import { activities } from './activities.table.ts';

/** Activities of the Actions a scope (and the filters) admit. */
export function inActions(scope: ActionScope, criteria: Parameters<typeof actionWhere>[1] = {}): SQL {
  const where = actionWhere(scope, criteria);
  return sql`exists (select 1 from ${actions} where ${actions.id} = ${activities.actionId}${where ? sql` and ${where}` : sql``})`;
}

/**
 * Which activities a caller may see, as a condition on `activities`: staff and steering all of
 * them, a partner those of its institution's Actions, an expert those they are deployed on.
 * Lists and reads by id use the same condition, so they always agree.
 */
export function activityScope(actor: Actor): SQL | undefined {
  if (readsWholePortfolio(actor)) return undefined;
  if (actor.role === 'expert') return sql`${activities.id} in (${deployedActivityIds(actor.id)})`;
  return inActions(scopeFor(actor));
}
