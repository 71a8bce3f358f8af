import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { activities } from '../activities/activities.table.ts';
import { users } from '../auth/auth.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { ageBands, lawfulBases, participationRoles, positionLevels, sexes } from './participants.values.ts';

// Re-exported for the server's code, which knows the lists through their tables.
export {
  type AgeBand,
  ageBands,
  type LawfulBasis,
  lawfulBases,
  type ParticipationRole,
  type PositionLevel,
  participationRoles,
  positionLevels,
  type Sex,
  sexes,
} from './participants.values.ts';

export const personSex = pgEnum('person_sex', sexes);

export const personAgeBand = pgEnum('person_age_band', ageBands);

export const personPositionLevel = pgEnum('person_position_level', positionLevels);

export const personLawfulBasis = pgEnum('person_lawful_basis', lawfulBases);

export const participationRole = pgEnum('participation_role', participationRoles);

/**
 * A person who took part in one or more activities. Personal data: names and contacts are seen
 * only by staff and by the partner of the person's own institution. Pseudonymisation (retention)
 * and erasure (on request) replace the identity but keep sex, age band, position level and the
 * institution, so the counts stay right.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    /** The name folded for the duplicate check (lower case, no accents, single spaces). */
    nameKey: text('name_key').notNull(),
    /** The institution when it is one of the facility's partners... */
    institutionId: uuid('institution_id').references(() => institutions.id),
    /** ...else its name as written. */
    institutionName: text('institution_name'),
    sex: personSex('sex').notNull(),
    ageBand: personAgeBand('age_band'),
    positionLevel: personPositionLevel('position_level').notNull(),
    /** Job title as written, optional. */
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    lawfulBasis: personLawfulBasis('lawful_basis').notNull(),
    /** For consent: the version of the consent text the person was shown. */
    consentTextVersion: text('consent_text_version'),
    /** For consent: the day it was given. */
    consentGivenOn: date('consent_given_on'),
    /** Who recorded the lawful basis. */
    lawfulBasisRecordedBy: uuid('lawful_basis_recorded_by').references(() => users.id),
    lawfulBasisRecordedAt: timestamp('lawful_basis_recorded_at', { withTimezone: true }),
    /** Set when the retention job replaced the identity. */
    pseudonymisedAt: timestamp('pseudonymised_at', { withTimezone: true }),
    /** Set when the person's identity was erased on their request. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_name_key_idx').on(t.nameKey), index('people_institution_idx').on(t.institutionId)],
);

/** A person's part in one activity: their role there. */
export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    role: participationRole('role').notNull().default('participant'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('participations_person_activity_unique').on(t.personId, t.activityId),
    index('participations_activity_idx').on(t.activityId),
  ],
);

/** Attendance: whether a participant was there on one day of the activity. */
export const attendance = pgTable(
  'attendance',
  {
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    present: boolean('present').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participationId, t.day] })],
);

/**
 * What the register of one activity needs beyond the activity itself: the hours of a day, printed
 * on certificates. An activity without a row uses the default (6 hours a day).
 */
export const activityRegisters = pgTable('activity_registers', {
  activityId: uuid('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  hoursPerDay: numeric('hours_per_day', { precision: 4, scale: 1, mode: 'number' }).notNull().default(6),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The participations that count as trained (participants.for-results.ts states the rule), with what
 * the counts group by, kept by the database itself: triggers on attendance, participations,
 * activities and people refresh the rows of whatever they change, in the same transaction
 * (migration 0027, decision 112). The dashboard and the results count these rows instead of applying
 * the 80% rule to every participation again.
 */
export const trainedParticipations = pgTable(
  'trained_participations',
  {
    participationId: uuid('participation_id')
      .primaryKey()
      .references(() => participations.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    personId: uuid('person_id').notNull(),
    sex: personSex('sex').notNull(),
    /** The last day of the training. */
    endDate: date('end_date').notNull(),
    /** A trainer trained: position level trainer, in a training of trainers. */
    isTrainer: boolean('is_trainer').notNull(),
  },
  // The counts select by Action, or by a year of last days (a range of end dates); the triggers find
  // rows by their participation (the primary key). Both indexes hold every column a count reads, so
  // that counting some Actions in one year reads an index alone, not the rows (decision 121).
  (t) => [
    index('trained_participations_action_idx').on(t.actionId, t.personId, t.sex, t.endDate, t.isTrainer),
    index('trained_participations_end_idx').on(t.endDate, t.actionId, t.personId, t.sex, t.isTrainer),
    // The people counts recount one person's rows (migration 0030).
    index('trained_participations_person_idx').on(t.personId),
  ],
);

/**
 * The keys each trained person is counted under, one row per person: `keys` holds one code per
 * (filter, breakdown, key) of `trained_people_key_rule`, written `filter|breakdown|key` (migration
 * 0033, decision 119). The breakdowns are `officials` and `trainers` (key '') and the `region`,
 * `topic` and `year` of the person's trainings; the filter is '' for the whole portfolio, or one
 * region, topic or year (`region=asia`) for the trainings it selects. Kept by the database from
 * `trained_participations` and the Actions' countries and topics; the counts below follow it.
 */
export const trainedPeopleKeySets = pgTable(
  'trained_people_key_sets',
  {
    personId: uuid('person_id').notNull(),
    sex: personSex('sex').notNull(),
    keys: text('keys').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.sex] })],
);

/**
 * How many people each (filter, breakdown, key, sex) of `trained_people_key_sets` holds, as rows of
 * changes to add up: a writer appends what it moved rather than updating one shared row, so writers
 * never wait for each other here; the rows are summed into one per key now and then (migrations
 * 0030 and 0033).
 */
export const trainedPeopleCounts = pgTable(
  'trained_people_counts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    filter: text('filter').notNull(),
    breakdown: text('breakdown').notNull(),
    key: text('key').notNull(),
    sex: personSex('sex').notNull(),
    people: integer('people').notNull(),
  },
  // A report reads the rows of one filter.
  (t) => [index('trained_people_counts_filter_idx').on(t.filter)],
);
