import { loadIndicatorViews } from '../results/indicators.service.ts';
import type { FicheResult, FicheResultsSource } from './fiche.data.ts';

/**
 * The fiche's results against targets: each indicator of the Action's results framework with its
 * baseline, its target over all periods and what was achieved, as the results feature presents them.
 * The caller's access to the Action is checked before this is asked.
 */
export const indicatorResults: FicheResultsSource = async (db, actionId, lang) => {
  const views = await loadIndicatorViews(db, [actionId], lang);
  return views.map(
    (view): FicheResult => ({
      indicator: view.title,
      ...(view.measure === 'percentage' ? { unit: '%' } : {}),
      baseline: view.baseline?.value ?? null,
      target: view.overall.target.total,
      achieved: view.overall.actual?.total ?? null,
    }),
  );
};
