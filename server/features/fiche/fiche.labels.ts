import type { DeliverableStatus } from '../deliverables/deliverables.table.ts';

/**
 * The languages of the Action fiche. Arabic is left out: the PDF library joins Arabic letters but
 * has no bidirectional layout, so figures, dates and acronyms inside Arabic lines come out misplaced
 * (decision 072).
 */
export const ficheLanguages = ['en', 'fr', 'es', 'pt'] as const;
export type FicheLanguage = (typeof ficheLanguages)[number];

export interface FicheWords {
  document: string;
  status: string;
  period: string;
  planned: string;
  actual: string;
  noDate: string;
  summary: string;
  institutions: string;
  requesting: string;
  beneficiary: string;
  partners: string;
  countries: string;
  topics: string;
  keyFigures: string;
  activitiesHeld: string;
  activitiesPlanned: string;
  deliverablesPublished: string;
  deliverablesAll: string;
  heldActivities: string;
  plannedActivities: string;
  deliverables: string;
  none: string;
  more: (count: number) => string;
  online: string;
  results: string;
  indicator: string;
  baseline: string;
  target: string;
  achieved: string;
  generated: (date: string) => string;
  deliverableStatus: Record<DeliverableStatus, string>;
}

export const FICHE_WORDS: Record<FicheLanguage, FicheWords> = {
  en: {
    document: 'Action fiche',
    status: 'Status',
    period: 'Period',
    planned: 'planned',
    actual: 'actual',
    noDate: 'not set',
    summary: 'Summary',
    institutions: 'Institutions',
    requesting: 'Requesting',
    beneficiary: 'Beneficiary',
    partners: 'Co-implementing partners',
    countries: 'Countries',
    topics: 'Topics',
    keyFigures: 'Key figures',
    activitiesHeld: 'Activities held',
    activitiesPlanned: 'Activities planned',
    deliverablesPublished: 'Deliverables published',
    deliverablesAll: 'Deliverables in all',
    heldActivities: 'Activities held',
    plannedActivities: 'Activities planned',
    deliverables: 'Deliverables',
    none: 'None so far.',
    more: (count) => `… and ${count} more`,
    online: 'online',
    results: 'Results against targets',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    achieved: 'Achieved',
    generated: (date) => `Produced on ${date}`,
    deliverableStatus: {
      draft: 'Draft',
      partner_review: 'In partner review',
      validated: 'Validated',
      published: 'Published',
    },
  },
  fr: {
    document: 'Fiche action',
    status: 'Statut',
    period: 'Période',
    planned: 'prévue',
    actual: 'réelle',
    noDate: 'non fixée',
    summary: 'Résumé',
    institutions: 'Institutions',
    requesting: 'Demandeuse',
    beneficiary: 'Bénéficiaire',
    partners: 'Partenaires de mise en œuvre',
    countries: 'Pays',
    topics: 'Thèmes',
    keyFigures: 'Chiffres clés',
    activitiesHeld: 'Activités tenues',
    activitiesPlanned: 'Activités prévues',
    deliverablesPublished: 'Livrables publiés',
    deliverablesAll: 'Livrables au total',
    heldActivities: 'Activités tenues',
    plannedActivities: 'Activités prévues',
    deliverables: 'Livrables',
    none: 'Aucune pour l’instant.',
    more: (count) => `… et ${count} de plus`,
    online: 'en ligne',
    results: 'Résultats par rapport aux cibles',
    indicator: 'Indicateur',
    baseline: 'Référence',
    target: 'Cible',
    achieved: 'Atteint',
    generated: (date) => `Produite le ${date}`,
    deliverableStatus: {
      draft: 'Brouillon',
      partner_review: 'En relecture par le partenaire',
      validated: 'Validé',
      published: 'Publié',
    },
  },
  es: {
    document: 'Ficha de la acción',
    status: 'Estado',
    period: 'Período',
    planned: 'previsto',
    actual: 'real',
    noDate: 'sin fijar',
    summary: 'Resumen',
    institutions: 'Instituciones',
    requesting: 'Solicitante',
    beneficiary: 'Beneficiaria',
    partners: 'Socios de ejecución',
    countries: 'Países',
    topics: 'Temas',
    keyFigures: 'Cifras clave',
    activitiesHeld: 'Actividades realizadas',
    activitiesPlanned: 'Actividades previstas',
    deliverablesPublished: 'Productos publicados',
    deliverablesAll: 'Productos en total',
    heldActivities: 'Actividades realizadas',
    plannedActivities: 'Actividades previstas',
    deliverables: 'Productos',
    none: 'Ninguna por ahora.',
    more: (count) => `… y ${count} más`,
    online: 'en línea',
    results: 'Resultados frente a las metas',
    indicator: 'Indicador',
    baseline: 'Línea de base',
    target: 'Meta',
    achieved: 'Logrado',
    generated: (date) => `Elaborada el ${date}`,
    deliverableStatus: {
      draft: 'Borrador',
      partner_review: 'En revisión por el socio',
      validated: 'Validado',
      published: 'Publicado',
    },
  },
  pt: {
    document: 'Ficha da ação',
    status: 'Estado',
    period: 'Período',
    planned: 'previsto',
    actual: 'efetivo',
    noDate: 'por definir',
    summary: 'Resumo',
    institutions: 'Instituições',
    requesting: 'Requerente',
    beneficiary: 'Beneficiária',
    partners: 'Parceiros de execução',
    countries: 'Países',
    topics: 'Temas',
    keyFigures: 'Números-chave',
    activitiesHeld: 'Atividades realizadas',
    activitiesPlanned: 'Atividades previstas',
    deliverablesPublished: 'Produtos publicados',
    deliverablesAll: 'Produtos no total',
    heldActivities: 'Atividades realizadas',
    plannedActivities: 'Atividades previstas',
    deliverables: 'Produtos',
    none: 'Nenhuma até agora.',
    more: (count) => `… e mais ${count}`,
    online: 'em linha',
    results: 'Resultados face às metas',
    indicator: 'Indicador',
    baseline: 'Valor de base',
    target: 'Meta',
    achieved: 'Alcançado',
    generated: (date) => `Produzida em ${date}`,
    deliverableStatus: {
      draft: 'Rascunho',
      partner_review: 'Em revisão pelo parceiro',
      validated: 'Validado',
      published: 'Publicado',
    },
  },
};
