import type { Language } from '../../kernel/localized.ts';
import type { Sex } from '../participants/participants.table.ts';
import type { FunnelStage } from '../requests/requests.for-reporting.ts';
import type { ChartId } from './dashboard.contract.ts';

type Words<K extends string> = Record<Language, Record<K, string>>;

export const STAGE_LABELS: Words<FunnelStage> = {
  en: { submitted: 'Submitted', screened: 'Screened', approved: 'Approved', declined: 'Declined' },
  fr: { submitted: 'Soumises', screened: 'Examinées', approved: 'Approuvées', declined: 'Refusées' },
  es: { submitted: 'Presentadas', screened: 'Examinadas', approved: 'Aprobadas', declined: 'Rechazadas' },
  pt: { submitted: 'Submetidos', screened: 'Analisados', approved: 'Aprovados', declined: 'Recusados' },
  ar: { submitted: 'مقدَّمة', screened: 'مدروسة', approved: 'موافق عليها', declined: 'مرفوضة' },
};

/** The sexes the participants feature records, as the reports name them. */
export const SEX_LABELS: Words<Sex> = {
  en: { female: 'Women', male: 'Men', other: 'Other' },
  fr: { female: 'Femmes', male: 'Hommes', other: 'Autre' },
  es: { female: 'Mujeres', male: 'Hombres', other: 'Otro' },
  pt: { female: 'Mulheres', male: 'Homens', other: 'Outro' },
  ar: { female: 'نساء', male: 'رجال', other: 'آخر' },
};

export const CHART_TITLES: Words<ChartId> = {
  en: {
    actionsByStatus: 'Actions by status',
    actionsByTopic: 'Actions by topic',
    actionsByRegion: 'Actions by region',
    actionsByYear: 'Actions by year of start',
    activitiesHeld: 'Activities held per quarter',
    officialsTrained: 'Officials trained, by sex',
    expertsDeployed: 'Experts deployed per year',
    requestFunnel: 'Request funnel',
  },
  fr: {
    actionsByStatus: 'Actions par statut',
    actionsByTopic: 'Actions par thème',
    actionsByRegion: 'Actions par région',
    actionsByYear: 'Actions par année de début',
    activitiesHeld: 'Activités tenues par trimestre',
    officialsTrained: 'Agents formés, par sexe',
    expertsDeployed: 'Experts déployés par année',
    requestFunnel: 'Parcours des demandes',
  },
  es: {
    actionsByStatus: 'Acciones por estado',
    actionsByTopic: 'Acciones por tema',
    actionsByRegion: 'Acciones por región',
    actionsByYear: 'Acciones por año de inicio',
    activitiesHeld: 'Actividades realizadas por trimestre',
    officialsTrained: 'Funcionarios capacitados, por sexo',
    expertsDeployed: 'Personas expertas desplegadas por año',
    requestFunnel: 'Embudo de solicitudes',
  },
  pt: {
    actionsByStatus: 'Ações por estado',
    actionsByTopic: 'Ações por tema',
    actionsByRegion: 'Ações por região',
    actionsByYear: 'Ações por ano de início',
    activitiesHeld: 'Atividades realizadas por trimestre',
    officialsTrained: 'Funcionários formados, por sexo',
    expertsDeployed: 'Peritos mobilizados por ano',
    requestFunnel: 'Funil dos pedidos',
  },
  ar: {
    actionsByStatus: 'الإجراءات حسب الحالة',
    actionsByTopic: 'الإجراءات حسب الموضوع',
    actionsByRegion: 'الإجراءات حسب المنطقة',
    actionsByYear: 'الإجراءات حسب سنة البدء',
    activitiesHeld: 'الأنشطة المنفذة حسب الربع',
    officialsTrained: 'المسؤولون المدرَّبون حسب الجنس',
    expertsDeployed: 'الخبراء الموفدون حسب السنة',
    requestFunnel: 'مسار الطلبات',
  },
};

/** The columns of a chart's table: what each row is, how many, and (for the funnel) the median days. */
export const COLUMN_LABELS: Words<'label' | 'count' | 'medianDays' | 'total'> = {
  en: { label: 'Category', count: 'Count', medianDays: 'Median days in stage', total: 'Total' },
  fr: { label: 'Catégorie', count: 'Nombre', medianDays: 'Médiane des jours dans l’étape', total: 'Total' },
  es: { label: 'Categoría', count: 'Número', medianDays: 'Mediana de días en la etapa', total: 'Total' },
  pt: { label: 'Categoria', count: 'Número', medianDays: 'Mediana de dias na etapa', total: 'Total' },
  ar: { label: 'الفئة', count: 'العدد', medianDays: 'متوسط الأيام في المرحلة (الوسيط)', total: 'المجموع' },
};
