import { eq, type SQL, sql } from 'drizzle-orm';
import { activities } from '../activities/activities.table.ts';
import { deployments } from './deployments.table.ts';
import { experts } from './experts.table.ts';

/**
 * What an expert who signs in may see, as subqueries for the other features' scopes: the
 * activities they are deployed on, and the Actions of those activities.
 */
export function deployedActivityIds(userId: string): SQL {
  return sql`select ${deployments.activityId} from ${deployments}
    join ${experts} on ${experts.id} = ${deployments.expertId} where ${experts.userId} = ${userId}`;
}

export function deployedActionIds(userId: string): SQL {
  return sql`select ${activities.actionId} from ${activities}
    where ${activities.id} in (${deployedActivityIds(userId)})`;
}

/** The roster entry of the expert signed in as `userId`. */
export const expertOfUser = (userId: string) => eq(experts.userId, userId);
