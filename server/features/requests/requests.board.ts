import { and, asc, isNotNull } from 'drizzle-orm';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { Board, BoardQuery } from './requests.contract.ts';
import { presentListItem, requestWhere, selectRelations } from './requests.queries.ts';
import { type RequestStatus, requestStatuses, requests } from './requests.table.ts';

/** The board's columns: every state after the partner's draft. */
export const BOARD_STATUSES: RequestStatus[] = requestStatuses.filter((status) => status !== 'draft');
const PER_COLUMN = 50;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The officers' triage board: requests by state, longest waiting first, with the days each has spent
 * in its state, and how long decisions take from submission.
 */
export async function readBoard(db: Db, actor: Actor | null, query: BoardQuery): Promise<Board> {
  requireRole(actor, ['admin', 'officer']);
  const columns = await Promise.all(
    BOARD_STATUSES.map(async (status) => {
      const where = requestWhere(undefined, { ...query, statuses: [status] });
      const rows = await db.select().from(requests).where(where).orderBy(asc(requests.statusChangedAt));
      const shown = rows.slice(0, PER_COLUMN);
      const relations = await selectRelations(
        db,
        shown.map((r) => r.id),
      );
      return { status, count: rows.length, items: shown.map((row) => presentListItem(row, relations)) };
    }),
  );
  const decided = await db
    .select({ submittedAt: requests.submittedAt, decidedAt: requests.decidedAt })
    .from(requests)
    .where(
      and(requestWhere(undefined, query), isNotNull(requests.decidedAt), isNotNull(requests.submittedAt)),
    );
  const days = decided.map(
    (d) => ((d.decidedAt as Date).getTime() - (d.submittedAt as Date).getTime()) / (24 * 60 * 60 * 1000),
  );
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    columns,
    decisions: {
      count: days.length,
      averageDays: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length) : null,
      medianDays: days.length ? round(median(days) as number) : null,
    },
  };
}
