import type { Language } from '../../kernel/localized.ts';
import type { ActivityType } from '../activities/activities.table.ts';
import type { deliverableTypes } from './deliverables.table.ts';

/**
 * The names the public reads for activity and deliverable types, server-side because the portal
 * answers them in its JSON and server-rendered pages (the web app has the same names in its catalogs).
 */
export const ACTIVITY_TYPE_NAMES: Record<ActivityType, Record<Language, string>> = {
  needs_assessment: {
    en: 'Needs-assessment mission',
    fr: 'Mission d’évaluation des besoins',
    es: 'Misión de evaluación de necesidades',
    pt: 'Missão de avaliação de necessidades',
    ar: 'بعثة تقييم الاحتياجات',
  },
  workshop: { en: 'Workshop', fr: 'Atelier', es: 'Taller', pt: 'Seminário', ar: 'ورشة عمل' },
  training: { en: 'Training', fr: 'Formation', es: 'Capacitación', pt: 'Formação', ar: 'تدريب' },
  training_of_trainers: {
    en: 'Training of trainers',
    fr: 'Formation de formateurs',
    es: 'Formación de formadores',
    pt: 'Formação de formadores',
    ar: 'تدريب المدرّبين',
  },
  study_visit: {
    en: 'Study visit',
    fr: 'Visite d’étude',
    es: 'Visita de estudio',
    pt: 'Visita de estudo',
    ar: 'زيارة دراسية',
  },
  drafting_session: {
    en: 'Drafting session',
    fr: 'Session de rédaction',
    es: 'Sesión de redacción',
    pt: 'Sessão de redação',
    ar: 'جلسة صياغة',
  },
  validation_meeting: {
    en: 'Validation meeting',
    fr: 'Réunion de validation',
    es: 'Reunión de validación',
    pt: 'Reunião de validação',
    ar: 'اجتماع اعتماد',
  },
  launch_event: {
    en: 'Launch or dissemination event',
    fr: 'Lancement ou diffusion',
    es: 'Presentación o difusión',
    pt: 'Lançamento ou divulgação',
    ar: 'حدث إطلاق أو نشر',
  },
  coaching: {
    en: 'Coaching',
    fr: 'Accompagnement',
    es: 'Acompañamiento',
    pt: 'Acompanhamento (coaching)',
    ar: 'توجيه ميداني',
  },
  online_session: {
    en: 'Online session',
    fr: 'Session en ligne',
    es: 'Sesión en línea',
    pt: 'Sessão em linha',
    ar: 'جلسة عبر الإنترنت',
  },
};

export const DELIVERABLE_TYPE_NAMES: Record<(typeof deliverableTypes)[number], Record<Language, string>> = {
  training_curriculum: {
    en: 'Training curriculum',
    fr: 'Programme de formation',
    es: 'Currículo de capacitación',
    pt: 'Currículo de formação',
    ar: 'منهج تدريبي',
  },
  training_module: {
    en: 'Training module',
    fr: 'Module de formation',
    es: 'Módulo de capacitación',
    pt: 'Módulo de formação',
    ar: 'وحدة تدريبية',
  },
  handbook: { en: 'Handbook', fr: 'Manuel', es: 'Manual', pt: 'Manual', ar: 'دليل' },
  practical_notes: {
    en: 'Practical notes (aide-mémoire)',
    fr: 'Notes pratiques (aide-mémoire)',
    es: 'Notas prácticas (ayuda memoria)',
    pt: 'Notas práticas (auxiliar de memória)',
    ar: 'ملاحظات عملية (مذكرة تذكيرية)',
  },
  guidelines: {
    en: 'Guidelines',
    fr: 'Lignes directrices',
    es: 'Lineamientos',
    pt: 'Diretrizes',
    ar: 'مبادئ توجيهية',
  },
  protocol: { en: 'Protocol', fr: 'Protocole', es: 'Protocolo', pt: 'Protocolo', ar: 'بروتوكول' },
  standard_operating_procedures: {
    en: 'Standard operating procedures',
    fr: 'Procédures opérationnelles standard',
    es: 'Procedimientos operativos estándar',
    pt: 'Procedimentos operacionais normalizados',
    ar: 'إجراءات تشغيل موحدة',
  },
  capacity_building_programme: {
    en: 'Capacity-building programme',
    fr: 'Programme de renforcement des capacités',
    es: 'Programa de fortalecimiento de capacidades',
    pt: 'Programa de reforço de capacidades',
    ar: 'برنامج لبناء القدرات',
  },
  assessment_report: {
    en: 'Assessment report',
    fr: 'Rapport d’évaluation',
    es: 'Informe de evaluación',
    pt: 'Relatório de avaliação',
    ar: 'تقرير تقييم',
  },
  strategy: {
    en: 'Strategy or action plan',
    fr: 'Stratégie ou plan d’action',
    es: 'Estrategia o plan de acción',
    pt: 'Estratégia ou plano de ação',
    ar: 'استراتيجية أو خطة عمل',
  },
  legal_review: {
    en: 'Legal review',
    fr: 'Analyse juridique',
    es: 'Análisis jurídico',
    pt: 'Análise jurídica',
    ar: 'مراجعة قانونية',
  },
};
