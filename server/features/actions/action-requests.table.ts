import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { requests } from '../requests/requests.table.ts';
import { actions } from './actions.table.ts';

/** The request an Action was made from: one request makes at most one Action and the other way round. */
export const actionRequests = pgTable('action_requests', {
  actionId: uuid('action_id')
    .primaryKey()
    .references(() => actions.id, { onDelete: 'cascade' }),
  requestId: uuid('request_id')
    .notNull()
    .unique()
    .references(() => requests.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
