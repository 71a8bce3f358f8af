import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../kernel/db/database.ts';
import { users } from '../auth/auth.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import type { DuplicateCandidate, PersonDetail } from './participants.contract.ts';
import { activityRegisters, attendance, participations, people } from './participants.table.ts';

export const DEFAULT_HOURS_PER_DAY = 6;

/**
 * A name folded for comparison: no accents, lower case, single spaces, punctuation as spaces. "José
 * MARTÍNEZ-López" and "jose martinez lopez" are the same key.
 */
export function nameKeyOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every day from start to end, inclusive, as YYYY-MM-DD. */
export function daysOf(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${startDate}T00:00:00Z`);
    t <= Date.parse(`${endDate}T00:00:00Z`);
    t += 86_400_000
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

const recorder = alias(users, 'recorder');

export const personColumns = {
  person: people,
  institutionLabel: sql<string>`coalesce(${institutions.acronym}, ${institutions.name}, ${people.institutionName}, '')`,
  recordedByName: recorder.name,
};

/** People with the label of their institution and the name of who recorded their lawful basis. */
export function selectPeople(db: Db) {
  return db
    .select(personColumns)
    .from(people)
    .leftJoin(institutions, eq(institutions.id, people.institutionId))
    .leftJoin(recorder, eq(recorder.id, people.lawfulBasisRecordedBy));
}

export type PersonRow = Awaited<ReturnType<typeof selectPeople>>[number];

export function presentPerson(row: PersonRow): PersonDetail & { institutionLabel: string } {
  const p = row.person;
  return {
    id: p.id,
    fullName: p.fullName,
    institutionId: p.institutionId,
    institutionName: p.institutionName,
    institutionLabel: row.institutionLabel,
    sex: p.sex,
    ageBand: p.ageBand,
    positionLevel: p.positionLevel,
    position: p.position,
    email: p.email,
    phone: p.phone,
    lawfulBasis: p.lawfulBasis,
    consentTextVersion: p.consentTextVersion,
    consentGivenOn: p.consentGivenOn,
    lawfulBasisRecordedAt: p.lawfulBasisRecordedAt ? new Date(p.lawfulBasisRecordedAt).toISOString() : null,
    lawfulBasisRecordedBy: row.recordedByName,
    pseudonymised: p.pseudonymisedAt !== null,
    erased: p.erasedAt !== null,
    version: p.version,
  };
}

/** The register of an activity: every participation with its person, in name order. */
export async function selectRegister(db: Db, activityId: string) {
  const rows = await db
    .select({
      id: participations.id,
      role: participations.role,
      version: participations.version,
      ...personColumns,
    })
    .from(participations)
    .innerJoin(people, eq(people.id, participations.personId))
    .leftJoin(institutions, eq(institutions.id, people.institutionId))
    .leftJoin(recorder, eq(recorder.id, people.lawfulBasisRecordedBy))
    .where(eq(participations.activityId, activityId))
    .orderBy(asc(people.fullName), asc(participations.id));
  const marks = rows.length
    ? await db
        .select({
          participationId: attendance.participationId,
          day: attendance.day,
          present: attendance.present,
        })
        .from(attendance)
        .where(
          inArray(
            attendance.participationId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return { rows, marks };
}

export async function hoursPerDayOf(
  db: Db,
  activityId: string,
): Promise<{ hoursPerDay: number; version: number }> {
  const [row] = await db
    .select({ hoursPerDay: activityRegisters.hoursPerDay, version: activityRegisters.version })
    .from(activityRegisters)
    .where(eq(activityRegisters.activityId, activityId));
  return row ?? { hoursPerDay: DEFAULT_HOURS_PER_DAY, version: 0 };
}

/**
 * People on record with the same folded name and the same institution (the facility's institution
 * by id, or the same institution name folded alike), not anonymised.
 */
export async function selectDuplicateCandidates(
  db: Db,
  name: string,
  institution: { institutionId?: string | null; institutionName?: string | null },
  scope: SQL | undefined,
): Promise<DuplicateCandidate[]> {
  const sameInstitution = institution.institutionId
    ? eq(people.institutionId, institution.institutionId)
    : sql`${people.institutionId} is null and lower(${people.institutionName}) = lower(${institution.institutionName ?? ''})`;
  const rows = await db
    .select({
      id: people.id,
      fullName: people.fullName,
      institutionName: personColumns.institutionLabel,
      positionLevel: people.positionLevel,
      sex: people.sex,
      activityCount: sql<number>`(select count(*)::int from ${participations} where ${participations.personId} = ${people.id})`,
    })
    .from(people)
    .leftJoin(institutions, eq(institutions.id, people.institutionId))
    .where(
      and(
        eq(people.nameKey, nameKeyOf(name)),
        sameInstitution,
        isNull(people.erasedAt),
        isNull(people.pseudonymisedAt),
        scope,
      ),
    )
    .orderBy(asc(people.createdAt));
  return rows.map((r) => ({ ...r, activityCount: Number(r.activityCount) }));
}

/** The facility's institutions by lower-cased name and acronym, to match an import's column. */
export async function institutionLookup(db: Db): Promise<Map<string, { id: string; label: string }>> {
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym })
    .from(institutions);
  const map = new Map<string, { id: string; label: string }>();
  for (const r of rows) {
    map.set(r.name.trim().toLowerCase(), { id: r.id, label: r.acronym ?? r.name });
    if (r.acronym) map.set(r.acronym.trim().toLowerCase(), { id: r.id, label: r.acronym });
  }
  return map;
}
