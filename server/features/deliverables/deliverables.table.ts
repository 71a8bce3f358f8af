import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../kernel/files/files.table.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { users } from '../auth/auth.table.ts';
import { experts } from '../experts/experts.table.ts';
import { deliverableStatuses, deliverableTypes, deliverableVisibilities } from './deliverables.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export {
  type DeliverableStatus,
  type DeliverableVisibility,
  deliverableStatuses,
  deliverableTypes,
  deliverableVisibilities,
} from './deliverables.values.ts';

export const deliverableType = pgEnum('deliverable_type', deliverableTypes);

export const deliverableStatus = pgEnum('deliverable_status', deliverableStatuses);

export const deliverableVisibility = pgEnum('deliverable_visibility', deliverableVisibilities);

/** A product of an Action: a handbook, a curriculum, standard operating procedures... */
export const deliverables = pgTable(
  'deliverables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    type: deliverableType('type').notNull(),
    /** Public once published with public visibility, so it may carry several languages. */
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull().default({}),
    /** ISO 639 codes of the languages it is written in. */
    languages: text('languages').array().notNull().default([]),
    status: deliverableStatus('status').notNull().default('draft'),
    visibility: deliverableVisibility('visibility').notNull().default('internal'),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    validatedBy: uuid('validated_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deliverables_action_idx').on(t.actionId),
    index('deliverables_status_idx').on(t.status, t.visibility),
  ],
);

/** Each version of a deliverable is a file with a note on what changed. */
export const deliverableVersions = pgTable(
  'deliverable_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliverableId: uuid('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    changeNote: text('change_note').notNull(),
    language: text('language'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('deliverable_versions_number_key').on(t.deliverableId, t.number)],
);

/** Comments on a deliverable, above all the partner's during its review. */
export const deliverableComments = pgTable(
  'deliverable_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliverableId: uuid('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The version the comment is about, when there is one. */
    versionNumber: integer('version_number'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deliverable_comments_deliverable_idx').on(t.deliverableId, t.createdAt)],
);

/** The experts who work on a deliverable; they see it and may upload its drafts. */
export const deliverableExperts = pgTable(
  'deliverable_experts',
  {
    deliverableId: uuid('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
  },
  (t) => [
    primaryKey({ columns: [t.deliverableId, t.expertId] }),
    index('deliverable_experts_expert_idx').on(t.expertId),
  ],
);
