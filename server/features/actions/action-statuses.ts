/**
 * The statuses of an Action, in the order of its life (IATI activity-status 1 to 6). A file of its
 * own, with no dependency, so that the table, the contracts and the browser share one list.
 */
export const actionStatuses = [
  'design',
  'implementation',
  'closing',
  'completed',
  'cancelled',
  'suspended',
] as const;
export type ActionStatus = (typeof actionStatuses)[number];
