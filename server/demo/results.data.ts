import type { IndicatorMeasure, IndicatorSource, ResultLevel } from '../features/results/results.table.ts';

/** Figures of a baseline, a target or an actual: total, or women and men (the total follows). */
export interface DemoFigures {
  total?: number;
  female?: number;
  male?: number;
  note?: string;
}

export interface DemoIndicator {
  level: ResultLevel;
  title: { en: string } & Partial<Record<'fr' | 'es' | 'pt' | 'ar', string>>;
  measure: IndicatorMeasure;
  source?: IndicatorSource;
  bySex?: boolean;
  baseline?: { year: number } & DemoFigures;
  periods: {
    start: string;
    end: string;
    target: DemoFigures;
    /** Entered indicators only; computed ones take their actuals from the records. */
    actual?: DemoFigures;
    /** The title and text of a generated PDF kept as evidence of the actual. */
    evidence?: { name: string; title: string; text: string[] };
  }[];
}

const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });

/** The results frameworks of the six THB and SOM Actions of the demo. */
export const demoResults: { action: string; indicators: DemoIndicator[] }[] = [
  {
    action: 'thailand-i',
    indicators: [
      {
        level: 'output',
        title: { en: 'Officials trained, by sex' },
        measure: 'count',
        source: 'officials_trained',
        bySex: true,
        baseline: { year: 2025, female: 0, male: 0 },
        periods: [
          { ...year(2026), target: { female: 30, male: 30 } },
          { ...year(2027), target: { female: 30, male: 30 } },
        ],
      },
      {
        level: 'output',
        title: { en: 'Activities held' },
        measure: 'count',
        source: 'activities_held',
        periods: [
          { ...year(2025), target: { total: 1 } },
          { ...year(2026), target: { total: 3 } },
          { ...year(2027), target: { total: 3 } },
        ],
      },
      {
        level: 'outcome',
        title: { en: 'Child victims identified by trained officials and referred to specialised care' },
        measure: 'count',
        bySex: true,
        baseline: { year: 2025, female: 14, male: 9 },
        periods: [
          {
            ...year(2026),
            target: { female: 20, male: 14 },
            actual: { female: 17, male: 12, note: 'Provinces of the pilot only' },
            evidence: {
              name: 'Referral statistics 2026.pdf',
              title: 'Referral statistics, pilot provinces, 2026',
              text: ['Child victims referred to specialised care by officials trained under the programme.'],
            },
          },
          { ...year(2027), target: { female: 26, male: 18 } },
        ],
      },
    ],
  },
  {
    action: 'timor-leste-i',
    indicators: [
      {
        level: 'output',
        title: { en: 'Deliverables published' },
        measure: 'count',
        source: 'deliverables_published',
        periods: [
          { ...year(2026), target: { total: 1 } },
          { ...year(2027), target: { total: 1 } },
        ],
      },
      {
        level: 'outcome',
        title: { en: 'THB investigations opened by the Migration Service' },
        measure: 'count',
        baseline: { year: 2024, total: 4 },
        periods: [
          { ...year(2025), target: { total: 5 }, actual: { total: 5 } },
          { ...year(2026), target: { total: 8 }, actual: { total: 7 } },
          { ...year(2027), target: { total: 10 } },
        ],
      },
    ],
  },
  {
    action: 'peru-iii',
    indicators: [
      {
        level: 'output',
        title: { en: 'Deliverables validated', es: 'Productos validados' },
        measure: 'count',
        source: 'deliverables_validated',
        periods: [
          { ...year(2026), target: { total: 2 } },
          { ...year(2027), target: { total: 0 } },
        ],
      },
      {
        level: 'outcome',
        title: {
          en: 'Regions applying the inter-sectoral guidelines against smuggling of migrants',
          es: 'Regiones que aplican las directrices intersectoriales contra el tráfico ilícito de migrantes',
        },
        measure: 'percentage',
        baseline: { year: 2024, total: 0 },
        periods: [
          { ...year(2026), target: { total: 30 }, actual: { total: 24 } },
          { ...year(2027), target: { total: 60 } },
        ],
      },
    ],
  },
  {
    action: 'iberred-i',
    indicators: [
      {
        level: 'output',
        title: { en: 'Activities held', es: 'Actividades realizadas', pt: 'Atividades realizadas' },
        measure: 'count',
        source: 'activities_held',
        periods: [
          { ...year(2025), target: { total: 3 } },
          { ...year(2026), target: { total: 3 } },
        ],
      },
      {
        level: 'impact',
        title: {
          en: 'Cooperation between prosecutors’ offices under the revised protocol',
          es: 'Cooperación entre fiscalías según el protocolo revisado',
        },
        measure: 'qualitative',
        baseline: {
          year: 2024,
          note: 'Requests for assistance handled case by case, without a shared protocol.',
        },
        periods: [
          {
            ...year(2026),
            target: { note: 'The revised protocol is adopted by the network’s general assembly.' },
            actual: {
              note: 'Adopted by the offices of 14 member countries; the assembly vote is scheduled.',
            },
          },
        ],
      },
    ],
  },
  {
    action: 'ghana-iii',
    indicators: [
      {
        level: 'output',
        title: { en: 'Officials trained, by sex', fr: 'Fonctionnaires formés, par sexe' },
        measure: 'count',
        source: 'officials_trained',
        bySex: true,
        baseline: { year: 2025, female: 0, male: 0 },
        periods: [
          { ...year(2026), target: { female: 10, male: 10 } },
          { ...year(2027), target: { female: 10, male: 10 } },
        ],
      },
      {
        level: 'output',
        title: { en: 'Trainers trained, by sex' },
        measure: 'count',
        source: 'trainers_trained',
        bySex: true,
        periods: [{ ...year(2027), target: { female: 5, male: 5 } }],
      },
      {
        level: 'outcome',
        title: { en: 'Share of trained officials who use the referral pathway at their post' },
        measure: 'percentage',
        bySex: true,
        baseline: { year: 2025, total: 10, female: 12, male: 8 },
        periods: [
          {
            ...year(2026),
            target: { total: 40, female: 40, male: 40 },
            actual: { total: 35, female: 38, male: 31 },
            evidence: {
              name: 'Follow-up survey Aflao.pdf',
              title: 'Follow-up survey of officials at the Aflao border post',
              text: [
                'Officials asked three months after the workshop whether they used the referral pathway.',
              ],
            },
          },
          { ...year(2027), target: { total: 70, female: 70, male: 70 } },
        ],
      },
    ],
  },
  {
    action: 'jordan-i',
    indicators: [
      {
        level: 'output',
        title: { en: 'Activities held', ar: 'الأنشطة المنفذة' },
        measure: 'count',
        source: 'activities_held',
        periods: [
          { ...year(2026), target: { total: 3 } },
          { ...year(2027), target: { total: 2 } },
        ],
      },
      {
        level: 'outcome',
        title: {
          en: 'Shelter staff who apply the standard operating procedures, by sex',
          ar: 'موظفو دور الإيواء الذين يطبقون إجراءات التشغيل الموحدة، حسب الجنس',
        },
        measure: 'count',
        bySex: true,
        baseline: { year: 2025, female: 0, male: 0 },
        periods: [
          { ...year(2026), target: { female: 10, male: 6 }, actual: { female: 8, male: 3 } },
          { ...year(2027), target: { female: 24, male: 16 } },
        ],
      },
    ],
  },
];
