// The value lists of deliverables (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const deliverableTypes = [
  'training_curriculum',
  'training_module',
  'handbook',
  'practical_notes',
  'guidelines',
  'protocol',
  'standard_operating_procedures',
  'capacity_building_programme',
  'assessment_report',
  'strategy',
  'legal_review',
] as const;

export const deliverableStatuses = ['draft', 'partner_review', 'validated', 'published'] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

export const deliverableVisibilities = ['internal', 'partner', 'public'] as const;
export type DeliverableVisibility = (typeof deliverableVisibilities)[number];
