import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only log of every change to data: who, when, what, on which record. Each event carries the
 * hash of the one before it (a hash chain, computed by a trigger in the database), so that a changed,
 * removed or inserted row shows when the chain is checked (`npm run tandem -- audit verify`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for changes made by the system itself (migrations, demo seeding, the command line). */
    actorId: uuid('actor_id'),
    /** What happened, as a verb: `auth.login`, `action.create`, `user.create`. */
    event: text('event').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The changed fields; never secrets. */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
    /** SHA-256 of the changes as first written; it stays when personal values are pseudonymised. */
    contentHash: text('content_hash'),
    /** The hash of the event before this one (64 zeros for the first). */
    prevHash: text('prev_hash'),
    /** SHA-256 over this event's canonical form and prevHash. */
    hash: text('hash'),
    /** Set when personal values in `changes` were pseudonymised after an erasure. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId),
  ],
);

/** The one row that holds the hash and id of the last event: appends lock it, verify compares with it. */
export const auditChainHead = pgTable('audit_chain_head', {
  singleton: integer('singleton').primaryKey().default(1),
  lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
  hash: text('hash').notNull(),
});
