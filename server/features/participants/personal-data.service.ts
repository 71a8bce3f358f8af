import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { pickText } from '../../kernel/localized.ts';
import { settings } from '../../kernel/settings/settings.table.ts';
import { actions } from '../actions/actions.table.ts';
import { activities } from '../activities/activities.table.ts';
import type { PersonDetail, PersonExport, RetentionReport } from './participants.contract.ts';
import { presentPerson, selectPeople } from './participants.queries.ts';
import { getPerson, loadPersonInScope, STAFF } from './participants.service.ts';
import { attendance, participations, people } from './participants.table.ts';

export const RETENTION_SETTING = 'participants.retention_years';

/**
 * The identity columns a pseudonymisation or an erasure replaces. Sex, age band, position level,
 * institution, lawful basis, participations and attendance stay, so every count stays right.
 */
function anonymised(id: string, kind: 'pseudonymised' | 'erased') {
  const tag = id.slice(0, 8);
  return {
    fullName: kind === 'erased' ? `Erased person ${tag}` : `Pseudonymised person ${tag}`,
    nameKey: `#${kind}:${id}`,
    position: null,
    email: null,
    phone: null,
    updatedAt: new Date(),
  };
}

/** Erasure on request (staff): the identity is replaced, the counts stay. */
export async function erasePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  reason: string,
): Promise<PersonDetail> {
  const staff = requireRole(actor, STAFF);
  await db.transaction(async (tx) => {
    const person = await loadPersonInScope(tx, staff, id, { lock: true });
    if (person.erasedAt) throw new AppError('PERSON_ANONYMISED', 'This person’s identity was already erased');
    await tx
      .update(people)
      .set({ ...anonymised(id, 'erased'), erasedAt: new Date(), version: person.version + 1 })
      .where(eq(people.id, id));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'person.erase',
      entityType: 'person',
      entityId: id,
      changes: { reason },
    });
  });
  return getPerson(db, staff, id);
}

/** Everything held about a person, as JSON (staff; the partner of the person's institution). */
export async function exportPerson(db: Db, actor: Actor | null, id: string): Promise<PersonExport> {
  const signedIn = requireActor(actor);
  if (!['admin', 'officer', 'partner'].includes(signedIn.role)) {
    throw new AppError('FORBIDDEN', 'Only staff and the person’s own institution export personal data');
  }
  await loadPersonInScope(db, signedIn, id);
  const [row] = await selectPeople(db).where(eq(people.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Person not found');
  const taken = await db
    .select({
      id: participations.id,
      role: participations.role,
      activityId: activities.id,
      title: activities.title,
      startDate: activities.startDate,
      endDate: activities.endDate,
      actionName: actions.name,
    })
    .from(participations)
    .innerJoin(activities, eq(activities.id, participations.activityId))
    .innerJoin(actions, eq(actions.id, activities.actionId))
    .where(eq(participations.personId, id))
    .orderBy(asc(activities.startDate));
  const marks = taken.length
    ? await db
        .select()
        .from(attendance)
        .where(
          inArray(
            attendance.participationId,
            taken.map((t) => t.id),
          ),
        )
        .orderBy(asc(attendance.day))
    : [];
  const { institutionLabel: _label, ...person } = presentPerson(row);
  const result: PersonExport = {
    exportedAt: new Date().toISOString(),
    person,
    participations: taken.map((t) => ({
      activityId: t.activityId,
      activityTitle: pickText(t.title, 'en'),
      actionName: t.actionName,
      startDate: t.startDate,
      endDate: t.endDate,
      role: t.role,
      attendance: marks
        .filter((m) => m.participationId === t.id)
        .map((m) => ({ day: m.day, present: m.present })),
    })),
  };
  await db.transaction((tx) =>
    recordAudit(tx, {
      actorId: signedIn.id,
      event: 'person.export',
      entityType: 'person',
      entityId: id,
      changes: {},
    }),
  );
  return result;
}

/**
 * The retention rule and its version. It is stored as `{ years, version }`; a bare number (as
 * stored before the rule had a version) reads as version 1, and no rule at all as version 0, so
 * that the first administrator to set one names version 0.
 */
async function readRetention(db: Db): Promise<{ years: number | null; version: number }> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, RETENTION_SETTING));
  const value = row?.value as { years?: unknown; version?: unknown } | number | undefined;
  if (typeof value === 'number') return { years: value, version: 1 };
  if (value && typeof value === 'object' && typeof value.version === 'number') {
    return { years: typeof value.years === 'number' ? value.years : null, version: value.version };
  }
  return { years: null, version: 0 };
}

export async function readRetentionYears(db: Db): Promise<number | null> {
  return (await readRetention(db)).years;
}

export async function getRetention(db: Db, actor: Actor | null) {
  requireRole(actor, ['admin']);
  return readRetention(db);
}

/**
 * The retention rule (admin): years after an activity ends; null removes the rule. Two
 * administrators may set it at once, so it names the version it read (412 if stale). Removing the
 * rule keeps the row (years null) so that the version only grows.
 */
export async function setRetention(
  db: Db,
  actor: Actor | null,
  expectedVersion: number,
  years: number | null,
) {
  const admin = requireRole(actor, ['admin']);
  return db.transaction(async (tx) => {
    // Writers of the rule take turns on its row, so that exactly one of them wins each version.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${RETENTION_SETTING}))`);
    const current = await readRetention(tx);
    if (current.version !== expectedVersion) throw staleVersion('The retention rule', current.version);
    const before = current.years;
    const value = { years, version: current.version + 1 };
    await tx
      .insert(settings)
      .values({ key: RETENTION_SETTING, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await recordAudit(tx, {
      actorId: admin.id,
      event: 'retention.update',
      entityType: 'setting',
      entityId: RETENTION_SETTING,
      changes: { years: { from: before, to: years } },
    });
    return value;
  });
}

/**
 * The retention job: people whose last activity ended more than the retention years ago, not yet
 * anonymised, are pseudonymised. A dry run lists them and changes nothing. `actorId` is null when
 * the command line runs it.
 */
export async function runRetention(
  db: Db,
  { dryRun, actorId, today = new Date() }: { dryRun: boolean; actorId: string | null; today?: Date },
): Promise<RetentionReport> {
  const years = await readRetentionYears(db);
  if (years === null) return { dryRun, years, cutoff: null, people: [], pseudonymised: 0 };
  const cutoffDate = new Date(today);
  cutoffDate.setUTCFullYear(cutoffDate.getUTCFullYear() - years);
  const cutoff = cutoffDate.toISOString().slice(0, 10);
  const lastEnd = sql<string>`max(${activities.endDate})`;
  const due = await db
    .select({ id: people.id, lastActivityEnd: lastEnd })
    .from(people)
    .innerJoin(participations, eq(participations.personId, people.id))
    .innerJoin(activities, eq(activities.id, participations.activityId))
    .where(and(isNull(people.pseudonymisedAt), isNull(people.erasedAt)))
    .groupBy(people.id)
    .having(sql`${lastEnd} < ${cutoff}`)
    .orderBy(asc(lastEnd), asc(people.id));
  const list = due.map((d) => ({ id: d.id, lastActivityEnd: String(d.lastActivityEnd) }));
  if (dryRun) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId,
        event: 'retention.dry_run',
        entityType: 'setting',
        entityId: RETENTION_SETTING,
        changes: { years, cutoff, wouldPseudonymise: list.length },
      }),
    );
    return { dryRun, years, cutoff, people: list, pseudonymised: 0 };
  }
  await db.transaction(async (tx) => {
    for (const person of list) {
      await tx
        .update(people)
        .set({
          ...anonymised(person.id, 'pseudonymised'),
          pseudonymisedAt: new Date(),
          version: sql`${people.version} + 1`,
        })
        .where(and(eq(people.id, person.id), isNull(people.pseudonymisedAt), isNull(people.erasedAt)));
    }
    await recordAudit(tx, {
      actorId,
      event: 'retention.run',
      entityType: 'setting',
      entityId: RETENTION_SETTING,
      changes: { years, cutoff, pseudonymised: list.map((p) => p.id) },
    });
  });
  return { dryRun, years, cutoff, people: list, pseudonymised: list.length };
}

export async function runRetentionAs(db: Db, actor: Actor | null, dryRun: boolean) {
  const admin = requireRole(actor, ['admin']);
  return runRetention(db, { dryRun, actorId: admin.id });
}
