import { type Actor, readsWholePortfolio, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { Language } from '../../kernel/localized.ts';
import { listActionActivities } from '../activities/activities.service.ts';
import { listActionDeliverables } from '../deliverables/deliverables.service.ts';
import { loadVisibleAction } from './action-access.ts';
import type { ActionTimeline } from './action-design.contract.ts';
import { selectActionEvents } from './action-events.ts';

type Detail = ActionTimeline['items'][number]['details'];

/** Keeps the details a client can show: strings, numbers and nulls. */
function plain(details: Record<string, unknown>): Detail {
  return Object.fromEntries(
    Object.entries(details).filter(
      ([, value]) => value === null || typeof value === 'string' || typeof value === 'number',
    ),
  ) as Detail;
}

/**
 * The life of an Action in date order: its status changes, deployments and deliverables' steps
 * as they were recorded, and its activities at their dates (past and planned). A partner or an
 * expert sees only events about the activities and deliverables their scope admits; events about
 * internal deliverables are for staff and steering only.
 */
export async function getActionTimeline(
  db: Db,
  actor: Actor | null,
  actionId: string,
  lang: Language,
): Promise<ActionTimeline> {
  await loadVisibleAction(db, actor, actionId);
  const signedIn = requireActor(actor);
  const everything = readsWholePortfolio(signedIn);
  const [events, activities, deliverables] = await Promise.all([
    selectActionEvents(db, actionId, everything),
    listActionActivities(db, signedIn, actionId, lang),
    everything ? null : listActionDeliverables(db, signedIn, actionId, lang),
  ]);
  // A partner or an expert sees the events about what they may see, and nothing else.
  const activityIds = new Set(activities.items.map((a) => a.id));
  const deliverableIds = new Set(deliverables?.items.map((d) => d.id));
  const visible = (event: (typeof events)[number]) =>
    everything ||
    (event.subjectType === 'deployment'
      ? activityIds.has(String(event.details.activityId))
      : event.subjectType === 'deliverable'
        ? deliverableIds.has(event.subjectId ?? '')
        : true);
  const items: ActionTimeline['items'] = [
    ...events.filter(visible).map((event) => ({
      at: new Date(event.at).toISOString(),
      kind: event.kind,
      subjectType: event.subjectType as ActionTimeline['items'][number]['subjectType'],
      subjectId: event.subjectId,
      label: event.label,
      details: plain(event.details),
    })),
    ...activities.items.map((activity) => ({
      at: activity.startDate,
      kind: 'activity',
      subjectType: 'activity' as const,
      subjectId: activity.id,
      label: activity.title,
      details: { type: activity.type, status: activity.status, endDate: activity.endDate },
    })),
  ];
  // Dates and date-times compare as text; an activity sorts at the start of its day.
  return { items: items.sort((a, b) => a.at.localeCompare(b.at)) };
}
