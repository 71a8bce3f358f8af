import type { ActionListItem } from '../../server/features/actions/actions.contract.ts';

export type ActionStatus = ActionListItem['status'];

/** In the order of an Action's life (IATI activity-status 1 to 6). */
export const actionStatuses = [
  'design',
  'implementation',
  'closing',
  'completed',
  'cancelled',
  'suspended',
] as const satisfies readonly ActionStatus[];
