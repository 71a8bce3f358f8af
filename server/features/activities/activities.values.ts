// The value lists of activities (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const activityTypes = [
  'needs_assessment',
  'workshop',
  'training',
  'training_of_trainers',
  'study_visit',
  'drafting_session',
  'validation_meeting',
  'launch_event',
  'coaching',
  'online_session',
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activityModalities = ['in_person', 'online', 'hybrid'] as const;

export const activityStatuses = [
  'planned',
  'confirmed',
  'held',
  'reported',
  'postponed',
  'cancelled',
] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
