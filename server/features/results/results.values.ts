// The value lists of results (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const resultLevels = ['output', 'outcome', 'impact'] as const;
export type ResultLevel = (typeof resultLevels)[number];

export const indicatorMeasures = ['count', 'percentage', 'qualitative'] as const;
export type IndicatorMeasure = (typeof indicatorMeasures)[number];

/**
 * Where an indicator's actuals come from: typed in with evidence, or computed from Tandem's own
 * records (never typed twice).
 */
export const indicatorSources = [
  'entered',
  'officials_trained',
  'trainers_trained',
  'deliverables_validated',
  'deliverables_published',
  'activities_held',
] as const;
export type IndicatorSource = (typeof indicatorSources)[number];
