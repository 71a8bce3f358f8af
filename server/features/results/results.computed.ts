import type { Db } from '../../kernel/db/database.ts';
import { heldActivitiesOf } from '../activities/activities.for-results.ts';
import { deliverableMilestonesOf } from '../deliverables/deliverables.for-results.ts';
import { trainedPeopleDated } from '../participants/participants.for-learning.ts';
import type { BySexCount, Figures } from './results.contract.ts';
import type { IndicatorSource } from './results.table.ts';

/** A dated event that a computed indicator counts: a held activity, a validation, a person trained. */
interface Dated {
  actionId: string;
  on: string;
  sex?: string;
  /** People are counted once per Action and period, however many trainings they attended. */
  personId?: string;
}

/** Everything Tandem knows about some Actions that computed indicators count, loaded once. */
export interface ComputedRecords {
  events: Record<Exclude<IndicatorSource, 'entered'>, Dated[]>;
}

export async function loadComputedRecords(db: Db, actionIds: string[]): Promise<ComputedRecords> {
  const [held, milestones, trained] = await Promise.all([
    heldActivitiesOf(db, actionIds),
    deliverableMilestonesOf(db, actionIds),
    trainedPeopleDated(db, actionIds),
  ]);
  return {
    events: {
      activities_held: held.map((a) => ({ actionId: a.actionId, on: a.endDate })),
      deliverables_validated: milestones
        .filter((d) => d.validatedOn && (d.status === 'validated' || d.status === 'published'))
        .map((d) => ({ actionId: d.actionId, on: d.validatedOn as string })),
      deliverables_published: milestones
        .filter((d) => d.publishedOn && d.status === 'published')
        .map((d) => ({ actionId: d.actionId, on: d.publishedOn as string })),
      officials_trained: trained.map((p) => ({
        actionId: p.actionId,
        on: p.endDate,
        sex: p.sex,
        personId: p.personId,
      })),
      trainers_trained: trained
        .filter((p) => p.isTrainer)
        .map((p) => ({ actionId: p.actionId, on: p.endDate, sex: p.sex, personId: p.personId })),
    },
  };
}

export function countBySex(all: { sex?: string; personId?: string }[]): BySexCount {
  const events = [...new Map(all.map((e, i) => [e.personId ?? i, e])).values()];
  const female = events.filter((e) => e.sex === 'female').length;
  const male = events.filter((e) => e.sex === 'male').length;
  return { female, male, other: events.length - female - male, total: events.length };
}

/**
 * The actual of a computed indicator for one period: what happened between its first and last
 * day (inclusive). A period that has not begun has no actual yet.
 */
export function computedActual(
  records: ComputedRecords,
  source: Exclude<IndicatorSource, 'entered'>,
  actionId: string,
  period: { start: string; end: string },
  today: string,
): Figures | null {
  if (period.start > today) return null;
  const inPeriod = records.events[source].filter(
    (e) => e.actionId === actionId && e.on >= period.start && e.on <= period.end,
  );
  if (source === 'officials_trained' || source === 'trainers_trained') {
    const counts = countBySex(inPeriod);
    return { total: counts.total, female: counts.female, male: counts.male, note: null };
  }
  return { total: inPeriod.length, female: null, male: null, note: null };
}

/** The totals of one Action, whatever the periods. */
export function computedTotals(records: ComputedRecords, actionId: string) {
  const of = (source: Exclude<IndicatorSource, 'entered'>) =>
    records.events[source].filter((e) => e.actionId === actionId);
  return {
    officialsTrained: countBySex(of('officials_trained')),
    trainersTrained: countBySex(of('trainers_trained')),
    activitiesHeld: of('activities_held').length,
    deliverablesValidated: of('deliverables_validated').length,
    deliverablesPublished: of('deliverables_published').length,
  };
}
