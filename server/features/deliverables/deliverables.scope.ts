import { and, ne, type SQL, sql } from 'drizzle-orm';
import { type Actor, readsWholePortfolio } from '../../kernel/auth/actor.ts';
import { actionWhere } from '../actions/actions.queries.ts';
import { scopeFor } from '../actions/actions.scope.ts';
import { actions } from '../actions/actions.table.ts';
import { experts } from '../experts/experts.table.ts';
import { deliverableExperts, deliverables } from './deliverables.table.ts';

/** The deliverables an expert signed in as `userId` works on. */
export function deliverablesOfExpertUser(userId: string): SQL {
  return sql`select ${deliverableExperts.deliverableId} from ${deliverableExperts}
    join ${experts} on ${experts.id} = ${deliverableExperts.expertId} where ${experts.userId} = ${userId}`;
}

/**
 * Which deliverables a caller may see: staff and steering all; a partner those of its
 * institution's Actions except internal ones; an expert those they work on.
 */
export function deliverableScope(actor: Actor): SQL | undefined {
  if (readsWholePortfolio(actor)) return undefined;
  if (actor.role === 'expert') return sql`${deliverables.id} in (${deliverablesOfExpertUser(actor.id)})`;
  const where = actionWhere(scopeFor(actor), {});
  return and(
    ne(deliverables.visibility, 'internal'),
    sql`exists (select 1 from ${actions} where ${actions.id} = ${deliverables.actionId}${where ? sql` and ${where}` : sql``})`,
  );
}
