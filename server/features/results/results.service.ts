import type { Actor } from '../../kernel/auth/actor.ts';
import { requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { Language } from '../../kernel/localized.ts';
import { loadVisibleAction } from '../actions/action-access.ts';
import {
  actionRegionKeys,
  actionsMatching,
  actionTopicKeys,
  countActionsMatching,
} from '../actions/actions.for-results.ts';
import { countHeldActivities } from '../activities/activities.for-results.ts';
import { countDeliverableMilestones } from '../deliverables/deliverables.for-results.ts';
import { deployedExpertCounts } from '../experts/deployments.for-results.ts';
import {
  addBySex,
  countTrainedBreakdowns,
  emptyCounts,
  keptFilterOf,
  type TrainedBreakdownRow,
} from '../participants/participants.for-results.ts';
import type { Sex } from '../participants/participants.values.ts';
import { loadIndicatorViews } from './indicators.service.ts';
import { actionLearningAndEvaluations } from './learning.service.ts';
import { computedTotals, loadComputedRecords } from './results.computed.ts';
import type {
  ActionResults,
  BySexCount,
  PortfolioResults,
  PortfolioResultsQuery,
} from './results.contract.ts';

/** An Action's results: its indicators with targets and actuals, what Tandem computes, learning and evaluations. */
export async function getActionResults(
  db: Db,
  actor: Actor | null,
  actionId: string,
  lang: Language,
): Promise<ActionResults> {
  await loadVisibleAction(db, actor, actionId);
  const [indicatorViews, records, learning] = await Promise.all([
    loadIndicatorViews(db, [actionId], lang),
    loadComputedRecords(db, [actionId]),
    actionLearningAndEvaluations(db, actionId, lang),
  ]);
  return {
    actionId,
    indicators: indicatorViews,
    computed: computedTotals(records, actionId),
    ...learning,
  };
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** Rows of (key, sex, people) as one count by sex per key, keys in order. */
function bySexPerKey(
  rows: { key: string | null; sex: Sex; people: number }[],
): (BySexCount & { key: string })[] {
  const perKey = new Map<string, BySexCount>();
  for (const row of rows) {
    const key = row.key ?? '';
    const counts = perKey.get(key) ?? emptyCounts();
    addBySex(counts, row.sex, row.people);
    perKey.set(key, counts);
  }
  return [...perKey]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, counts]) => ({ key, ...counts }));
}

/** Who reads the portfolio's results: the facility's staff and the steering committee. */
export const PORTFOLIO_RESULTS_ROLES = ['admin', 'officer', 'steering'] as const;

/**
 * Portfolio totals for staff and steering: aggregates only, never a person. Filtered by the
 * Actions' region and topic, and by year (the day a training, a validation or a publication
 * happened; the start of an activity an expert was deployed on).
 */
export async function getPortfolioResults(
  db: Db,
  actor: Actor | null,
  query: PortfolioResultsQuery,
): Promise<PortfolioResults> {
  requireRole(actor, PORTFOLIO_RESULTS_ROLES);
  const criteria = { region: query.region, topic: query.topic };
  // A subquery, not a list of ids (actionsMatching says why); how many they are is a count of its own.
  const actionIds = actionsMatching(criteria);
  const year = query.year;
  // Everything is counted in the database: at full size there are millions of participations and
  // hundreds of thousands of activities and deliverables.
  // Side by side: each statement waits for one of the reports' places (queryReportRows).
  const [actions, trained, activitiesHeld, deliverables, experts] = await Promise.all([
    countActionsMatching(db, criteria),
    countTrainedBreakdowns(db, actionIds, {
      year,
      regionKeys: actionRegionKeys,
      topicKeys: actionTopicKeys,
      kept: keptFilterOf({ ...criteria, year }),
    }),
    countHeldActivities(db, actionIds, year),
    countDeliverableMilestones(db, actionIds, year),
    deployedExpertCounts(db, actionIds, year),
  ]);
  const breakdown = (name: TrainedBreakdownRow['breakdown']) =>
    bySexPerKey(trained.filter((r) => r.breakdown === name));
  return {
    filters: { region: query.region ?? null, topic: query.topic ?? null, year: year ?? null },
    actions,
    officialsTrained: breakdown('officials')[0] ?? emptyCounts(),
    trainersTrained: breakdown('trainers')[0] ?? emptyCounts(),
    officialsTrainedByRegion: breakdown('region'),
    officialsTrainedByTopic: breakdown('topic'),
    officialsTrainedByYear: breakdown('year'),
    deliverables,
    activitiesHeld,
    experts: {
      ...experts,
      shareWomen: share(experts.women, experts.deployed),
      sharePartnerCountries: share(experts.fromPartnerCountries, experts.deployed),
    },
  };
}
