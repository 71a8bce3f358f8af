import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import { type KeptRead, listKey } from '../../kernel/cache/kept-list.ts';
import { type Db, pageOf } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import { AppError } from '../../kernel/errors.ts';
import { findStoredFile, presentFile } from '../../kernel/files/files.service.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { loadVisibleAction } from '../actions/action-access.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { assertNoDoubleBooking, deploymentsOfActivity } from '../experts/deployments.service.ts';
import type {
  ActivityDetail,
  ActivityInput,
  ActivityPatch,
  CalendarPage,
  CalendarQuery,
} from './activities.contract.ts';
import { countActivities, presentActivity, selectActivities, withinDates } from './activities.queries.ts';
import { activityScope, inActions } from './activities.scope.ts';
import { activities } from './activities.table.ts';
import { loadVisibleActivity } from './activity-access.ts';
import { assertActivityOpen } from './activity-status.ts';

export const STAFF = ['admin', 'officer'] as const;

export async function listActionActivities(db: Db, actor: Actor | null, actionId: string, lang: Language) {
  await loadVisibleAction(db, actor, actionId);
  const scope = activityScope(requireActor(actor));
  const rows = await selectActivities(db, and(eq(activities.actionId, actionId), scope));
  return { items: rows.map((row) => presentActivity(row, lang)) };
}

/**
 * The portfolio calendar: activities across the Actions the caller may see, filtered; as a read
 * that the route may keep until the portfolio changes.
 */
export function calendarRead(
  db: Db,
  actor: Actor | null,
  query: CalendarQuery,
  lang: Language,
): KeptRead<CalendarPage> {
  const signedIn = requireActor(actor);
  const { from, to, region, country, topic, type, status, page, pageSize } = query;
  const where = and(
    activityScope(signedIn),
    withinDates(from, to),
    type ? eq(activities.type, type) : undefined,
    status ? eq(activities.status, status) : undefined,
    region || country || topic ? inActions({ kind: 'all' }, { region, country, topic }) : undefined,
  );
  return {
    key: listKey('calendar', where, lang, page, pageSize),
    read: async () => {
      const [rows, total] = await Promise.all([
        pageOf(selectActivities(db, where), page, pageSize),
        countActivities(db, where),
      ]);
      return { items: rows.map((row) => presentActivity(row, lang)), total, page, pageSize };
    },
  };
}

export const listCalendar = (db: Db, actor: Actor | null, query: CalendarQuery, lang: Language) =>
  calendarRead(db, actor, query, lang).read();

export async function getActivity(
  db: Db,
  actor: Actor | null,
  id: string,
  lang: Language,
): Promise<ActivityDetail> {
  const { activity, actionName, actionStatus } = await loadVisibleActivity(db, actor, id);
  // In turn: a spreadsheet import reads the activity inside its transaction (one connection).
  const [deployed, reportFile] = await inTurn([
    () => deploymentsOfActivity(db, requireActor(actor), id),
    async () => (activity.reportFileId ? findStoredFile(db, activity.reportFileId) : null),
  ]);
  return {
    id: activity.id,
    actionId: activity.actionId,
    actionName,
    actionStatus,
    type: activity.type,
    title: pickText(activity.title, lang),
    startDate: activity.startDate,
    endDate: activity.endDate,
    modality: activity.modality,
    city: activity.city,
    countryCode: activity.countryCode,
    workingLanguages: activity.workingLanguages,
    status: activity.status,
    expertCount: deployed.length,
    agenda: activity.agenda,
    statusReason: activity.statusReason,
    report:
      activity.reportSummary !== null
        ? {
            summary: activity.reportSummary,
            file: reportFile ? presentFile(reportFile) : null,
            reportedAt: activity.reportedAt ? new Date(activity.reportedAt).toISOString() : null,
          }
        : null,
    deployments: deployed,
    version: activity.version,
  };
}

export async function createActivity(
  db: Db,
  actor: Actor | null,
  actionId: string,
  input: ActivityInput,
  lang: Language,
): Promise<ActivityDetail> {
  const id = await db.transaction(async (tx) => {
    const action = await loadVisibleAction(tx, actor, actionId, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    const { title, ...fields } = input;
    const online = input.modality === 'online';
    const [row] = await tx
      .insert(activities)
      .values({
        ...fields,
        actionId,
        title: { [lang]: title },
        city: online ? null : (input.city ?? null),
        countryCode: online ? null : (input.countryCode ?? null),
      })
      .returning({ id: activities.id });
    if (!row) throw new Error('the activity was not inserted');
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'activity.create',
      entityType: 'activity',
      entityId: row.id,
      changes: { actionId, ...input },
    });
    return row.id;
  });
  return getActivity(db, actor, id, lang);
}

export async function updateActivity(
  db: Db,
  actor: Actor | null,
  id: string,
  expectedVersion: number,
  patch: ActivityPatch,
  lang: Language,
): Promise<ActivityDetail> {
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    const title = pickText(activity.title, lang);
    assertActivityOpen({ status: activity.status, title });
    if (activity.version !== expectedVersion) throw staleVersion('The activity', activity.version);
    const startDate = patch.startDate ?? activity.startDate;
    const endDate = patch.endDate ?? activity.endDate;
    if (startDate > endDate) {
      throw new AppError('VALIDATION_FAILED', 'The end date must not be before the start date', [
        { field: 'endDate', message: `must not be before ${startDate}` },
      ]);
    }
    const online = (patch.modality ?? activity.modality) === 'online';
    if (!online && !(patch.countryCode === undefined ? activity.countryCode : patch.countryCode)) {
      throw new AppError('VALIDATION_FAILED', 'An activity held in person or hybrid needs its country', [
        { field: 'countryCode', message: 'is required for an activity held in person or hybrid' },
      ]);
    }
    if (patch.startDate || patch.endDate) await assertNoDoubleBooking(tx, id, { startDate, endDate });
    const { title: newTitle, ...fields } = patch;
    const updated = await tx
      .update(activities)
      .set({
        ...fields,
        ...(newTitle ? { title: { [lang]: newTitle } } : {}),
        ...(online ? { city: null, countryCode: null } : {}),
        version: sql`${activities.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(activities.id, id), eq(activities.version, expectedVersion)))
      .returning({ id: activities.id });
    if (updated.length === 0) throw staleVersion('The activity', activity.version);
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'activity.update',
      entityType: 'activity',
      entityId: id,
      changes: patch,
    });
  });
  return getActivity(db, actor, id, lang);
}
