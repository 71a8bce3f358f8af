import { and, asc, isNotNull, sql } from 'drizzle-orm';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import { cachedCount } from '../../kernel/cache/cached-count.ts';
import type { Db } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import type { Board, BoardQuery } from './requests.contract.ts';
import { listedRequestColumns, presentListItem, requestWhere, selectRelations } from './requests.queries.ts';
import { type RequestStatus, requestStatuses, requests } from './requests.table.ts';

/** The board's columns: every state after the partner's draft. */
export const BOARD_STATUSES: RequestStatus[] = requestStatuses.filter((status) => status !== 'draft');
const PER_COLUMN = 50;

/**
 * The officers' triage board: requests by state, longest waiting first, with the days each has spent
 * in its state, and how long decisions take from submission.
 */
export async function readBoard(db: Db, actor: Actor | null, query: BoardQuery): Promise<Board> {
  requireRole(actor, ['admin', 'officer']);
  // Each column reads its first PER_COLUMN rows in order and its (kept) count, never all its rows.
  const columns = await Promise.all(
    BOARD_STATUSES.map(async (status) => {
      const where = requestWhere(undefined, { ...query, statuses: [status] });
      const [shown, count] = await inTurn([
        () =>
          db
            .select(listedRequestColumns)
            .from(requests)
            .where(where)
            .orderBy(asc(requests.statusChangedAt))
            .limit(PER_COLUMN),
        () => cachedCount(db, requests, where),
      ]);
      const relations = await selectRelations(
        db,
        shown.map((r) => r.id),
      );
      return { status, count, items: shown.map((row) => presentListItem(row, relations)) };
    }),
  );
  // Days from submission to decision, in the database: the mean and the median (the mean of the
  // two middle values when their number is even, as percentile_cont gives).
  const days = sql`extract(epoch from (${requests.decidedAt} - ${requests.submittedAt})) / 86400`;
  const [decided] = await db
    .select({
      count: sql<number>`count(*)::int`,
      average: sql<string | null>`avg(${days})`,
      median: sql<string | null>`percentile_cont(0.5) within group (order by ${days})`,
    })
    .from(requests)
    .where(
      and(requestWhere(undefined, query), isNotNull(requests.decidedAt), isNotNull(requests.submittedAt)),
    );
  const round = (value: string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
  return {
    columns,
    decisions: {
      count: decided?.count ?? 0,
      averageDays: round(decided?.average ?? null),
      medianDays: round(decided?.median ?? null),
    },
  };
}
