import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only log of every change to data: who, when, what, on which record. */
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
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.at),
  ],
);
