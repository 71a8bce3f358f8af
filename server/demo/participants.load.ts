import { eq, inArray, sql } from 'drizzle-orm';
import { actions } from '../features/actions/actions.table.ts';
import { activities } from '../features/activities/activities.table.ts';
import { users } from '../features/auth/auth.table.ts';
import { institutions } from '../features/institutions/institutions.table.ts';
import { daysOf, nameKeyOf } from '../features/participants/participants.queries.ts';
import { attendance, participations, people } from '../features/participants/participants.table.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import type { Db } from '../kernel/db/database.ts';
import { demoPortfolio } from './demo-portfolio.data.ts';
import { demoPeople, demoRegisters } from './participants.data.ts';

/** Loads the demo's participants, their registers and attendance (after the workspace demo). */
export async function loadDemoParticipants(tx: Db): Promise<void> {
  const [officer] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'officer@demo.tandem.test'));
  if (!officer) throw new Error('The demo participants need the demo officer');
  const names = new Map(demoPortfolio.institutions.map((i) => [i.key, i.name]));
  const institutionRows = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions);
  const institutionId = (key: string) => {
    const row = institutionRows.find((i) => i.name === names.get(key));
    if (!row) throw new Error(`The demo participants name an unknown institution: ${key}`);
    return row.id;
  };

  const personIds = new Map<string, string>();
  for (const p of demoPeople) {
    const [row] = await tx
      .insert(people)
      .values({
        fullName: p.fullName,
        nameKey: nameKeyOf(p.fullName),
        institutionId: institutionId(p.institution),
        sex: p.sex,
        ageBand: p.ageBand,
        positionLevel: p.positionLevel,
        position: p.position,
        lawfulBasis: p.lawfulBasis,
        consentTextVersion: p.lawfulBasis === 'consent' ? 'v1-2026' : null,
        consentGivenOn: p.lawfulBasis === 'consent' ? '2026-02-20' : null,
        lawfulBasisRecordedBy: officer.id,
        lawfulBasisRecordedAt: new Date('2026-02-20T10:00:00Z'),
        createdBy: officer.id,
      })
      .returning({ id: people.id });
    if (!row) throw new Error(`person ${p.key} was not inserted`);
    personIds.set(p.key, row.id);
  }

  const codes = [...new Set(demoRegisters.map((r) => r.action))];
  const activityRows = await tx
    .select({
      id: activities.id,
      code: actions.code,
      title: sql<string>`${activities.title}->>'en'`,
      startDate: activities.startDate,
      endDate: activities.endDate,
    })
    .from(activities)
    .innerJoin(actions, eq(actions.id, activities.actionId))
    .where(inArray(actions.code, codes));
  let registered = 0;
  for (const register of demoRegisters) {
    const activity = activityRows.find((a) => a.code === register.action && a.title === register.activity);
    if (!activity) throw new Error(`The demo participants name an unknown activity: ${register.activity}`);
    const days = daysOf(activity.startDate, activity.endDate);
    for (const entry of register.people) {
      const personId = personIds.get(entry.person);
      if (!personId) throw new Error(`The demo participants name an unknown person: ${entry.person}`);
      const [participation] = await tx
        .insert(participations)
        .values({
          personId,
          activityId: activity.id,
          role: entry.role ?? 'participant',
          createdBy: officer.id,
        })
        .returning({ id: participations.id });
      if (!participation) throw new Error('participation was not inserted');
      registered += 1;
      if (entry.presentOn) {
        await tx.insert(attendance).values(
          days.map((day, i) => ({
            participationId: participation.id,
            day,
            present: entry.presentOn?.includes(i + 1) ?? false,
            recordedBy: officer.id,
            recordedAt: new Date(`${day}T17:00:00Z`),
          })),
        );
      }
    }
  }
  await recordAudit(tx, {
    actorId: null,
    event: 'demo.participants',
    entityType: 'facility',
    changes: { people: demoPeople.length, participations: registered },
  });
}
