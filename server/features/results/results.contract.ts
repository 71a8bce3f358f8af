import { z } from 'zod';
import { fileInfo, isoDate, shortCode } from '../../kernel/http/common.contract.ts';
import { indicatorMeasures, indicatorSources, resultLevels } from './results.values.ts';

export const resultLevel = z.enum(resultLevels);
export const indicatorMeasure = z.enum(indicatorMeasures);
export const indicatorSource = z.enum(indicatorSources);

const amount = z.number().min(0).max(1_000_000_000);
const note = z.string().trim().max(2000);

/** A value in total and, when the indicator is disaggregated, for women and men. */
export const figuresInput = z.strictObject({
  total: amount.nullable().optional(),
  female: amount.nullable().optional(),
  male: amount.nullable().optional(),
  note: note.nullable().optional(),
});
export type FiguresInput = z.infer<typeof figuresInput>;

export const periodInput = z
  .strictObject({
    /** An existing period to keep (with its actual and evidence); without it, a new period. */
    id: z.uuid().optional(),
    start: isoDate,
    end: isoDate,
    target: figuresInput.optional(),
  })
  .refine((p) => p.start <= p.end, { error: 'must not be before the start', path: ['end'] });
export type PeriodInput = z.infer<typeof periodInput>;

export const baselineInput = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  value: amount.nullable().optional(),
  female: amount.nullable().optional(),
  male: amount.nullable().optional(),
  note: note.nullable().optional(),
});

const indicatorFields = {
  level: resultLevel,
  title: z.string().trim().min(1).max(300).describe('Stored in the language of Accept-Language'),
  description: z.string().trim().max(4000).optional(),
  measure: indicatorMeasure,
  source: indicatorSource.default('entered'),
  bySex: z.boolean().default(false),
  baseline: baselineInput.nullable().optional(),
  periods: z.array(periodInput).max(20).default([]),
};

export const indicatorInput = z.strictObject(indicatorFields);
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const indicatorPatch = z
  .strictObject({
    level: resultLevel,
    title: indicatorFields.title,
    description: z.string().trim().max(4000),
    measure: indicatorMeasure,
    bySex: z.boolean(),
    baseline: baselineInput.nullable(),
    periods: z.array(periodInput).max(20),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'name at least one field to change' });
export type IndicatorPatch = z.infer<typeof indicatorPatch>;

export const actualInput = figuresInput;
export type ActualInput = z.infer<typeof actualInput>;

export const periodParams = z.strictObject({ id: z.uuid(), periodId: z.uuid() });
export const evidenceParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });

export const figures = z.object({
  total: z.number().nullable(),
  female: z.number().nullable(),
  male: z.number().nullable(),
  note: z.string().nullable(),
});
export type Figures = z.infer<typeof figures>;

export const evidenceView = fileInfo.extend({ id: z.uuid() });

export const periodView = z.object({
  id: z.uuid(),
  start: z.string(),
  end: z.string(),
  target: figures,
  /** Null until an actual is entered (entered indicators) or the period has begun (computed ones). */
  actual: figures.nullable(),
  /** actual / target in percent, when both are numbers and the target is not 0. */
  progress: z.number().nullable(),
  recordedAt: z.string().nullable(),
  evidence: z.array(evidenceView),
});
export type PeriodView = z.infer<typeof periodView>;

export const indicatorView = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  level: resultLevel,
  title: z.string(),
  description: z.string(),
  measure: indicatorMeasure,
  source: indicatorSource,
  computed: z.boolean(),
  bySex: z.boolean(),
  baseline: z
    .object({
      year: z.number().int(),
      value: z.number().nullable(),
      female: z.number().nullable(),
      male: z.number().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  periods: z.array(periodView),
  /** All periods together: targets summed and actuals summed (counts), or the latest (others). */
  overall: z.object({ target: figures, actual: figures.nullable(), progress: z.number().nullable() }),
  version: z.number().int(),
});
export type IndicatorView = z.infer<typeof indicatorView>;
export const indicatorList = z.object({ items: z.array(indicatorView) });
export type IndicatorList = z.infer<typeof indicatorList>;

export const bySexCount = z.object({
  female: z.number().int(),
  male: z.number().int(),
  other: z.number().int(),
  total: z.number().int(),
});
export type BySexCount = z.infer<typeof bySexCount>;

export const learningSummary = z.object({
  activityId: z.uuid(),
  title: z.string(),
  maxScore: z.number().int(),
  /** Participants with both a pre- and a post-test score. */
  paired: z.number().int(),
  meanPre: z.number().nullable(),
  meanPost: z.number().nullable(),
  /** (mean post − mean pre) / (max − mean pre). */
  groupGain: z.number().nullable(),
});
export type LearningSummary = z.infer<typeof learningSummary>;

export const evaluationAggregate = z.object({
  responses: z.number().int(),
  /** Means on a scale of 1 to 5, null without responses. */
  satisfaction: z.number().nullable(),
  relevance: z.number().nullable(),
  expectedUse: z.number().nullable(),
});
export type EvaluationAggregate = z.infer<typeof evaluationAggregate>;

export const actionResults = z.object({
  actionId: z.uuid(),
  indicators: z.array(indicatorView),
  computed: z.object({
    officialsTrained: bySexCount,
    trainersTrained: bySexCount,
    activitiesHeld: z.number().int(),
    deliverablesValidated: z.number().int(),
    deliverablesPublished: z.number().int(),
  }),
  learning: z.array(learningSummary),
  evaluations: evaluationAggregate.extend({
    byActivity: z.array(evaluationAggregate.extend({ activityId: z.uuid(), title: z.string() })),
  }),
});
export type ActionResults = z.infer<typeof actionResults>;

export const portfolioResultsQuery = z.strictObject({
  region: shortCode.optional(),
  topic: shortCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type PortfolioResultsQuery = z.infer<typeof portfolioResultsQuery>;

const keyed = bySexCount.extend({ key: z.string() });
export const portfolioResults = z.object({
  filters: z.object({
    region: z.string().nullable(),
    topic: z.string().nullable(),
    year: z.number().int().nullable(),
  }),
  actions: z.number().int(),
  officialsTrained: bySexCount,
  trainersTrained: bySexCount,
  /** An Action in several regions or topics counts in each, so these may add up to more than the total. */
  officialsTrainedByRegion: z.array(keyed),
  officialsTrainedByTopic: z.array(keyed),
  officialsTrainedByYear: z.array(keyed),
  deliverables: z.object({
    produced: z.number().int(),
    validated: z.number().int(),
    published: z.number().int(),
  }),
  activitiesHeld: z.number().int(),
  experts: z.object({
    deployed: z.number().int(),
    women: z.number().int(),
    fromPartnerCountries: z.number().int(),
    /** Percentages, null without experts. */
    shareWomen: z.number().nullable(),
    sharePartnerCountries: z.number().nullable(),
  }),
});
export type PortfolioResults = z.infer<typeof portfolioResults>;
