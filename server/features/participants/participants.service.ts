import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { loadVisibleActivity, type VisibleActivity } from '../activities/activity-access.ts';
import { institutions } from '../institutions/institutions.table.ts';
import type {
  AttendanceInput,
  DuplicateCandidate,
  ParticipantRegister,
  ParticipationItem,
  PersonDetail,
  PersonInput,
  RegisterAggregate,
  RegistrationInput,
} from './participants.contract.ts';
import {
  daysOf,
  hoursPerDayOf,
  nameKeyOf,
  presentPerson,
  selectDuplicateCandidates,
  selectPeople,
  selectRegister,
} from './participants.queries.ts';
import { mayRegister, personScope, requireRegistrar, seesNameOf } from './participants.scope.ts';
import {
  activityRegisters,
  attendance,
  participationRoles,
  participations,
  people,
  positionLevels,
  sexes,
} from './participants.table.ts';

export const STAFF = ['admin', 'officer'] as const;

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A cancelled activity keeps its register as it was. */
export function assertRegisterOpen(activity: VisibleActivity['activity']) {
  if (activity.status === 'cancelled') {
    throw new AppError('ACTIVITY_CLOSED', 'The activity was cancelled: its register no longer changes');
  }
}

/** The register of an activity: counts for everyone who sees the activity, names for those allowed. */
export async function getRegister(
  db: Db,
  actor: Actor | null,
  activityId: string,
): Promise<ParticipantRegister> {
  const { activity } = await loadVisibleActivity(db, actor, activityId);
  const signedIn = requireActor(actor);
  const [{ rows, marks }, settings] = await Promise.all([
    selectRegister(db, activityId),
    hoursPerDayOf(db, activityId),
  ]);
  const aggregate: RegisterAggregate = {
    total: rows.length,
    bySex: zeroes(sexes),
    byRole: zeroes(participationRoles),
    byPositionLevel: zeroes(positionLevels),
  };
  const byParticipation = new Map<string, Record<string, boolean>>();
  for (const mark of marks) {
    const days = byParticipation.get(mark.participationId) ?? {};
    days[mark.day] = mark.present;
    byParticipation.set(mark.participationId, days);
  }
  const items: ParticipationItem[] = [];
  for (const row of rows) {
    aggregate.bySex[row.person.sex] += 1;
    aggregate.byRole[row.role] += 1;
    aggregate.byPositionLevel[row.person.positionLevel] += 1;
    if (!seesNameOf(signedIn, row.person)) continue;
    const marksOf = byParticipation.get(row.id) ?? {};
    items.push({
      id: row.id,
      role: row.role,
      version: row.version,
      person: presentPerson(row),
      attendance: marksOf,
      daysPresent: Object.values(marksOf).filter(Boolean).length,
    });
  }
  return {
    activityId,
    days: daysOf(activity.startDate, activity.endDate),
    hoursPerDay: settings.hoursPerDay,
    registerVersion: settings.version,
    seesNames: mayRegister(signedIn),
    canRegister: mayRegister(signedIn) && activity.status !== 'cancelled',
    aggregate,
    items,
  };
}

/** Staff choose any institution; a partner's officials belong to the partner's institution. */
async function institutionFor(db: Db, actor: Actor, input: PersonInput) {
  if (actor.role === 'partner') {
    if (input.institutionId && input.institutionId !== actor.institutionId) {
      throw new AppError('FORBIDDEN', 'You can register only officials of your own institution', [
        { field: 'person.institutionId', message: 'must be your own institution' },
      ]);
    }
    return { institutionId: actor.institutionId, institutionName: null };
  }
  if (input.institutionId) {
    const [found] = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.id, input.institutionId));
    if (!found) {
      throw new AppError('VALIDATION_FAILED', 'No such institution', [
        { field: 'person.institutionId', message: 'is not one of the facility’s institutions' },
      ]);
    }
    return { institutionId: input.institutionId, institutionName: null };
  }
  const institutionName = input.institutionName?.trim();
  if (!institutionName) {
    throw new AppError('VALIDATION_FAILED', 'Say which institution the person works for', [
      {
        field: 'person.institutionName',
        message: 'name the institution, or choose one of the facility’s institutions',
      },
    ]);
  }
  return { institutionId: null, institutionName };
}

/** The columns of a person from what was entered, with who recorded the lawful basis. */
export function personValues(
  actor: Actor,
  input: PersonInput,
  institution: { institutionId: string | null; institutionName: string | null },
) {
  const consent = input.lawfulBasis === 'consent';
  return {
    fullName: input.fullName.trim(),
    nameKey: nameKeyOf(input.fullName),
    ...institution,
    sex: input.sex,
    ageBand: input.ageBand ?? null,
    positionLevel: input.positionLevel,
    position: input.position?.trim() || null,
    email: input.email?.trim().toLowerCase() || null,
    phone: input.phone?.trim() || null,
    lawfulBasis: input.lawfulBasis,
    consentTextVersion: consent ? (input.consentTextVersion ?? null) : null,
    consentGivenOn: consent ? (input.consentGivenOn ?? null) : null,
    lawfulBasisRecordedBy: actor.id,
    lawfulBasisRecordedAt: new Date(),
  };
}

/** The duplicate check alone: people on record with this name and institution that the caller may see. */
export async function findDuplicates(
  db: Db,
  actor: Actor | null,
  activityId: string,
  input: { fullName: string; institutionId?: string | null; institutionName?: string | null },
): Promise<{ candidates: DuplicateCandidate[] }> {
  await loadVisibleActivity(db, actor, activityId);
  const registrar = requireRegistrar(requireActor(actor));
  const institution =
    registrar.role === 'partner'
      ? { institutionId: registrar.institutionId, institutionName: null }
      : { institutionId: input.institutionId ?? null, institutionName: input.institutionName ?? null };
  const scope = personScope(registrar);
  const candidates = await selectDuplicateCandidates(
    db,
    input.fullName,
    institution,
    scope === false ? sql`false` : scope,
  );
  return { candidates };
}

export type RegistrationResult =
  | { kind: 'registered'; item: ParticipationItem }
  | { kind: 'duplicates'; candidates: DuplicateCandidate[] };

/**
 * Registers a person for an activity. A new person whose name and institution match people on
 * record is not created until the caller says who it is: `existingPersonId`, or `confirmNew`.
 */
export async function registerParticipant(
  db: Db,
  actor: Actor | null,
  activityId: string,
  input: RegistrationInput,
): Promise<RegistrationResult> {
  const outcome = await db.transaction(
    async (tx): Promise<RegistrationResult | { kind: 'ok'; id: string }> => {
      const { activity } = await loadVisibleActivity(tx, actor, activityId, { lock: true });
      const registrar = requireRegistrar(requireActor(actor));
      assertRegisterOpen(activity);
      let personId: string;
      let created = false;
      if (input.existingPersonId) {
        const person = await loadPersonInScope(tx, registrar, input.existingPersonId);
        if (person.erasedAt || person.pseudonymisedAt) {
          throw new AppError('PERSON_ANONYMISED', 'This person’s identity was removed: register them anew');
        }
        personId = person.id;
      } else {
        const entered = input.person as PersonInput;
        const institution = await institutionFor(tx, registrar, entered);
        if (!input.confirmNew) {
          const scope = personScope(registrar);
          const candidates = await selectDuplicateCandidates(
            tx,
            entered.fullName,
            institution,
            scope === false ? sql`false` : scope,
          );
          if (candidates.length > 0) return { kind: 'duplicates', candidates };
        }
        const [row] = await tx
          .insert(people)
          .values({ ...personValues(registrar, entered, institution), createdBy: registrar.id })
          .returning({ id: people.id });
        if (!row) throw new Error('person not inserted');
        personId = row.id;
        created = true;
        await recordAudit(tx, {
          actorId: registrar.id,
          event: 'person.create',
          entityType: 'person',
          entityId: personId,
          changes: { lawfulBasis: entered.lawfulBasis, institutionId: institution.institutionId },
        });
      }
      const [already] = await tx
        .select({ id: participations.id })
        .from(participations)
        .where(and(eq(participations.personId, personId), eq(participations.activityId, activityId)));
      if (already) {
        throw new AppError(
          'PARTICIPANT_ALREADY_REGISTERED',
          'This person is already registered for the activity',
        );
      }
      const [participation] = await tx
        .insert(participations)
        .values({ personId, activityId, role: input.role, createdBy: registrar.id })
        .returning({ id: participations.id });
      if (!participation) throw new Error('participation not inserted');
      await recordAudit(tx, {
        actorId: registrar.id,
        event: 'participation.create',
        entityType: 'participation',
        entityId: participation.id,
        changes: { activityId, personId, role: input.role, newPerson: created },
      });
      return { kind: 'ok', id: participation.id };
    },
  );
  if (outcome.kind !== 'ok') return outcome;
  return { kind: 'registered', item: await getParticipationItem(db, requireActor(actor), outcome.id) };
}

/** One participation as the register shows it; out of the caller's sight is a 404. */
export async function getParticipationItem(db: Db, actor: Actor, id: string): Promise<ParticipationItem> {
  const { participation, activityId } = await loadParticipation(db, actor, id);
  const { rows, marks } = await selectRegister(db, activityId);
  const row = rows.find((r) => r.id === participation.id);
  if (!row) throw notFound('Participation');
  const marksOf = Object.fromEntries(
    marks.filter((m) => m.participationId === id).map((m) => [m.day, m.present]),
  );
  return {
    id: row.id,
    role: row.role,
    version: row.version,
    person: presentPerson(row),
    attendance: marksOf,
    daysPresent: Object.values(marksOf).filter(Boolean).length,
  };
}

/**
 * A participation the caller may see by name: its activity visible to them, and its person one
 * whose name they may see. Anything else is a 404.
 */
export async function loadParticipation(db: Db, actor: Actor | null, id: string, { lock = false } = {}) {
  const signedIn = requireActor(actor);
  const query = db
    .select({ participation: participations, person: people })
    .from(participations)
    .innerJoin(people, eq(people.id, participations.personId))
    .where(eq(participations.id, id));
  const [row] = lock ? await query.for('update', { of: participations }) : await query;
  if (!row || !seesNameOf(signedIn, row.person)) throw notFound('Participation');
  const activity = await loadVisibleActivity(db, signedIn, row.participation.activityId).catch(() => {
    throw notFound('Participation');
  });
  return { ...row, activityId: row.participation.activityId, activity };
}

/** A person the caller may see by name, else a 404. */
export async function loadPersonInScope(db: Db, actor: Actor, id: string, { lock = false } = {}) {
  const scope = personScope(actor);
  if (scope === false) throw notFound('Person');
  const query = db
    .select()
    .from(people)
    .where(and(eq(people.id, id), scope));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Person');
  return row;
}

export async function changeParticipationRole(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
  role: (typeof participationRoles)[number],
): Promise<ParticipationItem> {
  const signedIn = requireRegistrar(requireActor(actor));
  await db.transaction(async (tx) => {
    const { participation, activity } = await loadParticipation(tx, signedIn, id, { lock: true });
    assertRegisterOpen(activity.activity);
    if (participation.version !== version) throw staleVersion('The participation', participation.version);
    await tx
      .update(participations)
      .set({ role, version: version + 1, updatedAt: new Date() })
      .where(eq(participations.id, id));
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: 'participation.update',
      entityType: 'participation',
      entityId: id,
      changes: { role: { from: participation.role, to: role } },
    });
  });
  return getParticipationItem(db, signedIn, id);
}

/** Takes someone off an activity's register (their person record stays). */
export async function removeParticipation(db: Db, actor: Actor | null, id: string): Promise<void> {
  const signedIn = requireRegistrar(requireActor(actor));
  await db.transaction(async (tx) => {
    const { participation, activity } = await loadParticipation(tx, signedIn, id, { lock: true });
    assertRegisterOpen(activity.activity);
    await tx.delete(participations).where(eq(participations.id, id));
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: 'participation.delete',
      entityType: 'participation',
      entityId: id,
      changes: { activityId: participation.activityId, personId: participation.personId },
    });
  });
}

export async function getPerson(db: Db, actor: Actor | null, id: string): Promise<PersonDetail> {
  const signedIn = requireActor(actor);
  await loadPersonInScope(db, signedIn, id);
  const [row] = await selectPeople(db).where(eq(people.id, id));
  if (!row) throw notFound('Person');
  return presentPerson(row);
}

/** Corrects a person's record, lawful basis included (If-Match). */
export async function updatePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
  input: PersonInput,
): Promise<PersonDetail> {
  const signedIn = requireRegistrar(requireActor(actor));
  await db.transaction(async (tx) => {
    const person = await loadPersonInScope(tx, signedIn, id, { lock: true });
    if (person.erasedAt || person.pseudonymisedAt) {
      throw new AppError(
        'PERSON_ANONYMISED',
        'This person’s identity was removed: the record no longer changes',
      );
    }
    if (person.version !== version) throw staleVersion('The person', person.version);
    const institution = await institutionFor(tx, signedIn, input);
    const values = personValues(signedIn, input, institution);
    const basisChanged =
      values.lawfulBasis !== person.lawfulBasis ||
      values.consentTextVersion !== person.consentTextVersion ||
      values.consentGivenOn !== person.consentGivenOn;
    const changed = Object.keys(values).filter(
      (k) =>
        !['lawfulBasisRecordedBy', 'lawfulBasisRecordedAt', 'nameKey'].includes(k) &&
        (values as Record<string, unknown>)[k] !== (person as Record<string, unknown>)[k],
    );
    await tx
      .update(people)
      .set({
        ...values,
        lawfulBasisRecordedBy: basisChanged ? signedIn.id : person.lawfulBasisRecordedBy,
        lawfulBasisRecordedAt: basisChanged ? new Date() : person.lawfulBasisRecordedAt,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(eq(people.id, id));
    // The audit names the fields that changed, never their personal values.
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: 'person.update',
      entityType: 'person',
      entityId: id,
      changes: { fields: changed, ...(basisChanged ? { lawfulBasis: values.lawfulBasis } : {}) },
    });
  });
  return getPerson(db, signedIn, id);
}

/**
 * Records attendance on days of the activity. Each entry's participation must be in this
 * activity's register and in the caller's sight; each day within the activity's dates.
 */
export async function recordAttendance(
  db: Db,
  actor: Actor | null,
  activityId: string,
  input: AttendanceInput,
): Promise<ParticipantRegister> {
  await db.transaction(async (tx) => {
    const { activity } = await loadVisibleActivity(tx, actor, activityId, { lock: true });
    const signedIn = requireRegistrar(requireActor(actor));
    assertRegisterOpen(activity);
    const ids = [...new Set(input.entries.map((e) => e.participationId))];
    const found = await tx
      .select({ id: participations.id, institutionId: people.institutionId })
      .from(participations)
      .innerJoin(people, eq(people.id, participations.personId))
      .where(and(eq(participations.activityId, activityId), inArray(participations.id, ids)));
    const allowed = new Set(found.filter((f) => seesNameOf(signedIn, f)).map((f) => f.id));
    const days = new Set(daysOf(activity.startDate, activity.endDate));
    const problems = input.entries.flatMap((entry, i) => [
      ...(allowed.has(entry.participationId)
        ? []
        : [{ field: `entries.${i}.participationId`, message: 'is not in this activity’s register' }]),
      ...(days.has(entry.day)
        ? []
        : [
            {
              field: `entries.${i}.day`,
              message: `is not a day of the activity (${activity.startDate} to ${activity.endDate})`,
            },
          ]),
    ]);
    if (problems.length)
      throw new AppError('VALIDATION_FAILED', 'Some attendance entries are not valid', problems);
    for (const entry of input.entries) {
      await tx
        .insert(attendance)
        .values({ ...entry, recordedBy: signedIn.id, recordedAt: new Date() })
        .onConflictDoUpdate({
          target: [attendance.participationId, attendance.day],
          set: { present: entry.present, recordedBy: signedIn.id, recordedAt: new Date() },
        });
    }
    await recordAudit(tx, {
      actorId: signedIn.id,
      event: 'attendance.record',
      entityType: 'activity',
      entityId: activityId,
      changes: { entries: input.entries },
    });
  });
  return getRegister(db, actor, activityId);
}

/** The hours of a day printed on certificates (staff; If-Match on the register's version, 0 at first). */
export async function updateRegisterSettings(
  db: Db,
  actor: Actor | null,
  activityId: string,
  version: number,
  hoursPerDay: number,
): Promise<ParticipantRegister> {
  await db.transaction(async (tx) => {
    const { activity } = await loadVisibleActivity(tx, actor, activityId, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertRegisterOpen(activity);
    const current = await hoursPerDayOf(tx, activityId);
    if (current.version !== version) throw staleVersion('The register', current.version);
    await tx
      .insert(activityRegisters)
      .values({ activityId, hoursPerDay, version: version + 1 })
      .onConflictDoUpdate({
        target: activityRegisters.activityId,
        set: { hoursPerDay, version: version + 1, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'register.update',
      entityType: 'activity',
      entityId: activityId,
      changes: { hoursPerDay: { from: current.hoursPerDay, to: hoursPerDay } },
    });
  });
  return getRegister(db, actor, activityId);
}
