import type { Actor } from '../../kernel/auth/actor.ts';
import { requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { Language } from '../../kernel/localized.ts';
import { loadVisibleAction } from '../actions/action-access.ts';
import { actionFacetsOf, actionIdsMatching } from '../actions/actions.for-results.ts';
import { heldActivitiesOf } from '../activities/activities.for-results.ts';
import { deliverableMilestonesOf } from '../deliverables/deliverables.for-results.ts';
import { deployedExpertCounts } from '../experts/deployments.for-results.ts';
import { trainedPeopleDated } from '../participants/participants.for-learning.ts';
import { loadIndicatorViews } from './indicators.service.ts';
import { actionLearningAndEvaluations } from './learning.service.ts';
import { computedTotals, countBySex, loadComputedRecords } from './results.computed.ts';
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

function grouped(
  entries: { key: string; sex?: string; personId?: string }[],
): (BySexCount & { key: string })[] {
  const keys = [...new Set(entries.map((e) => e.key))].sort();
  return keys.map((key) => ({ key, ...countBySex(entries.filter((e) => e.key === key)) }));
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
  const actionIds = await actionIdsMatching(db, { region: query.region, topic: query.topic });
  const year = query.year;
  const inYear = (day: string | null) => Boolean(day) && (!year || (day as string).startsWith(String(year)));
  const [trained, held, milestones, experts, facets] = await Promise.all([
    trainedPeopleDated(db, actionIds),
    heldActivitiesOf(db, actionIds),
    deliverableMilestonesOf(db, actionIds),
    deployedExpertCounts(db, actionIds, year),
    actionFacetsOf(db, actionIds),
  ]);
  const officials = trained.filter((p) => inYear(p.endDate));
  const trainers = trained.filter((p) => p.isTrainer && inYear(p.endDate));
  const facetOf = (actionId: string) => facets.get(actionId) ?? { regions: [], topics: [] };
  return {
    filters: { region: query.region ?? null, topic: query.topic ?? null, year: year ?? null },
    actions: actionIds.length,
    officialsTrained: countBySex(officials),
    trainersTrained: countBySex(trainers),
    officialsTrainedByRegion: grouped(
      officials.flatMap((p) =>
        facetOf(p.actionId).regions.map((key) => ({ key, sex: p.sex, personId: `${p.personId}:${key}` })),
      ),
    ),
    officialsTrainedByTopic: grouped(
      officials.flatMap((p) =>
        facetOf(p.actionId).topics.map((key) => ({ key, sex: p.sex, personId: `${p.personId}:${key}` })),
      ),
    ),
    officialsTrainedByYear: grouped(
      officials.map((p) => ({
        key: p.endDate.slice(0, 4),
        sex: p.sex,
        personId: `${p.personId}:${p.endDate.slice(0, 4)}`,
      })),
    ),
    deliverables: {
      produced: milestones.length,
      validated: milestones.filter(
        (d) => (d.status === 'validated' || d.status === 'published') && inYear(d.validatedOn),
      ).length,
      published: milestones.filter((d) => d.status === 'published' && inYear(d.publishedOn)).length,
    },
    activitiesHeld: held.filter((a) => inYear(a.endDate)).length,
    experts: {
      ...experts,
      shareWomen: share(experts.women, experts.deployed),
      sharePartnerCountries: share(experts.fromPartnerCountries, experts.deployed),
    },
  };
}
