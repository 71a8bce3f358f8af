import type { Language } from '../../kernel/localized.ts';
import type { ActionStatus } from './action-statuses.ts';

/** Action statuses as reports and files name them, server-side (the web app's catalog has the same words). */
export const ACTION_STATUS_NAMES: Record<Language, Record<ActionStatus, string>> = {
  en: {
    design: 'In design',
    implementation: 'In implementation',
    closing: 'Closing',
    completed: 'Completed',
    cancelled: 'Cancelled',
    suspended: 'Suspended',
  },
  fr: {
    design: 'En conception',
    implementation: 'En cours de mise en œuvre',
    closing: 'En clôture',
    completed: 'Terminée',
    cancelled: 'Annulée',
    suspended: 'Suspendue',
  },
  es: {
    design: 'En diseño',
    implementation: 'En ejecución',
    closing: 'En cierre',
    completed: 'Finalizada',
    cancelled: 'Cancelada',
    suspended: 'Suspendida',
  },
  pt: {
    design: 'Em conceção',
    implementation: 'Em execução',
    closing: 'Em encerramento',
    completed: 'Concluída',
    cancelled: 'Cancelada',
    suspended: 'Suspensa',
  },
  ar: {
    design: 'قيد التصميم',
    implementation: 'قيد التنفيذ',
    closing: 'قيد الإغلاق',
    completed: 'مكتمل',
    cancelled: 'ملغى',
    suspended: 'معلّق',
  },
};
