import { AppError } from '../../kernel/errors.ts';
import type { ActivityStatus } from './activities.table.ts';

export type ActivityVerb = 'confirm' | 'hold' | 'report' | 'postpone' | 'cancel';

/**
 * An activity is planned, confirmed, held and reported; it may be postponed (and confirmed again)
 * or cancelled before it is held.
 */
const transitions: Record<ActivityVerb, { from: readonly ActivityStatus[]; to: ActivityStatus }> = {
  confirm: { from: ['planned', 'postponed'], to: 'confirmed' },
  hold: { from: ['confirmed'], to: 'held' },
  report: { from: ['held'], to: 'reported' },
  postpone: { from: ['planned', 'confirmed'], to: 'postponed' },
  cancel: { from: ['planned', 'confirmed', 'postponed'], to: 'cancelled' },
};

/** Statuses in which an activity's details and experts may still change. */
export const OPEN_STATUSES: readonly ActivityStatus[] = ['planned', 'confirmed', 'postponed'];
/** Statuses that let an Action complete: the activity took place, or will not. */
export const SETTLED_STATUSES: readonly ActivityStatus[] = ['held', 'reported', 'cancelled'];
/** Statuses in which an activity holds its experts' dates (a postponed one has no firm dates). */
export const BOOKING_STATUSES: readonly ActivityStatus[] = ['planned', 'confirmed', 'held', 'reported'];

export function nextActivityStatus(
  verb: ActivityVerb,
  activity: { status: ActivityStatus; startDate: string; title: string },
  today: string,
): ActivityStatus {
  const rule = transitions[verb];
  if (!rule.from.includes(activity.status)) {
    throw new AppError(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      `"${activity.title}" is ${activity.status}: "${verb}" applies only to an activity that is ${rule.from.join(' or ')}`,
    );
  }
  if (verb === 'hold' && activity.startDate > today) {
    throw new AppError(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      `"${activity.title}" starts on ${activity.startDate}; it can be marked as held once it has started`,
    );
  }
  return rule.to;
}

/** Details and experts change only while the activity is open. */
export function assertActivityOpen(activity: { status: ActivityStatus; title: string }) {
  if (!OPEN_STATUSES.includes(activity.status)) {
    throw new AppError(
      'ACTIVITY_CLOSED',
      `"${activity.title}" is ${activity.status}; its details and experts can no longer change`,
    );
  }
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
