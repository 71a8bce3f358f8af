import { inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { LANGUAGES, type LocalizedText } from '../../kernel/localized.ts';
import type { ActivityResult, Narrative, ResultIndicator, ResultValue } from '../iati/iati-activity.model.ts';
import { loadIndicatorViews } from './indicators.service.ts';
import type { Figures } from './results.contract.ts';
import { type IndicatorMeasure, indicators, type ResultLevel } from './results.table.ts';

/** IATI ResultType and IndicatorMeasure codes. */
const RESULT_TYPE: Record<ResultLevel, string> = { output: '1', outcome: '2', impact: '3' };
const MEASURE: Record<IndicatorMeasure, string> = { count: '1', percentage: '2', qualitative: '5' };

/** The titles of the result elements, one per level, in the five languages. */
const LEVEL_TITLES: Record<ResultLevel, LocalizedText> = {
  output: { en: 'Outputs', fr: 'Extrants', es: 'Productos', pt: 'Produtos', ar: 'المخرجات' },
  outcome: { en: 'Outcomes', fr: 'Effets', es: 'Efectos', pt: 'Efeitos', ar: 'النتائج' },
  impact: { en: 'Impact', fr: 'Impact', es: 'Impacto', pt: 'Impacto', ar: 'الأثر' },
};

const narratives = (text: LocalizedText): Narrative[] =>
  LANGUAGES.flatMap((lang) => (text[lang]?.trim() ? [{ lang, text: text[lang] as string }] : []));

const sex = (value: 'female' | 'male') => [{ name: 'sex', value }];

/** A target, an actual or a baseline as IATI values: the total, then women and men when disaggregated. */
function values(measure: IndicatorMeasure, bySex: boolean, f: Figures): ResultValue[] {
  if (measure === 'qualitative') {
    return f.note ? [{ comment: [{ lang: 'en', text: f.note }] }] : [];
  }
  const list: ResultValue[] = [];
  if (f.total !== null)
    list.push({ value: f.total, ...(f.note ? { comment: [{ lang: 'en', text: f.note }] } : {}) });
  if (bySex && f.female !== null) list.push({ value: f.female, dimensions: sex('female') });
  if (bySex && f.male !== null) list.push({ value: f.male, dimensions: sex('male') });
  return list;
}

/**
 * The results framework of some Actions as IATI `result` elements (one per level), with indicators,
 * baselines, periods, targets and actuals, disaggregated by sex. Actuals that Tandem computes are
 * computed here as everywhere else; a period that has not begun carries its targets only.
 * Aggregates only: no person appears.
 */
export async function loadIatiResults(db: Db, actionIds: string[]): Promise<Map<string, ActivityResult[]>> {
  const byAction = new Map<string, ActivityResult[]>();
  if (actionIds.length === 0) return byAction;
  const [views, texts] = await Promise.all([
    loadIndicatorViews(db, actionIds, 'en'),
    db
      .select({ id: indicators.id, title: indicators.title, description: indicators.description })
      .from(indicators)
      .where(inArray(indicators.actionId, actionIds)),
  ]);
  const textOf = new Map(texts.map((t) => [t.id, t]));
  for (const actionId of actionIds) {
    const own = views.filter((v) => v.actionId === actionId);
    const results: ActivityResult[] = [];
    for (const level of ['output', 'outcome', 'impact'] as const) {
      const ofLevel = own.filter((v) => v.level === level);
      if (ofLevel.length === 0) continue;
      results.push({
        type: RESULT_TYPE[level],
        aggregationStatus: ofLevel.every((v) => v.measure !== 'qualitative'),
        title: narratives(LEVEL_TITLES[level]),
        indicators: ofLevel.flatMap((v): ResultIndicator[] => {
          const text = textOf.get(v.id);
          const title = narratives(text?.title ?? {});
          if (title.length === 0) return [];
          const description = narratives(text?.description ?? {});
          const baselineFigures: Figures | null = v.baseline
            ? {
                total: v.baseline.value,
                female: v.baseline.female,
                male: v.baseline.male,
                note: v.baseline.note,
              }
            : null;
          return [
            {
              measure: MEASURE[v.measure],
              ...(v.measure === 'qualitative' ? {} : { ascending: true }),
              title,
              ...(description.length ? { description } : {}),
              baselines:
                v.baseline && baselineFigures
                  ? values(v.measure, v.bySex, baselineFigures).map((b) => ({
                      ...b,
                      year: v.baseline?.year as number,
                    }))
                  : [],
              periods: v.periods.map((p) => ({
                start: p.start,
                end: p.end,
                targets: values(v.measure, v.bySex, p.target),
                actuals: p.actual ? values(v.measure, v.bySex, p.actual) : [],
              })),
            },
          ];
        }),
      });
    }
    const kept = results.filter((r) => r.indicators.length > 0);
    if (kept.length) byAction.set(actionId, kept);
  }
  return byAction;
}
