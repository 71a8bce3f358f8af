import { AppError } from '../../kernel/errors.ts';
import type { ActionStatus } from './actions.table.ts';

/** The verbs that move an Action through its life; each is a POST /api/actions/:id/<verb>. */
export const actionVerbs = ['start', 'close', 'complete', 'suspend', 'resume', 'cancel'] as const;
export type ActionVerb = (typeof actionVerbs)[number];

/** The statuses each verb may be applied to. */
const allowedFrom: Record<ActionVerb, readonly ActionStatus[]> = {
  start: ['design'],
  close: ['implementation'],
  complete: ['closing'],
  suspend: ['design', 'implementation', 'closing'],
  resume: ['suspended'],
  cancel: ['design', 'implementation', 'closing', 'suspended'],
};

const fixedTarget: Record<Exclude<ActionVerb, 'resume'>, ActionStatus> = {
  start: 'implementation',
  close: 'closing',
  complete: 'completed',
  suspend: 'suspended',
  cancel: 'cancelled',
};

/** Verbs that need a reason, which the partner and the timeline show. */
export const verbsNeedingReason: readonly ActionVerb[] = ['suspend', 'cancel'];

/** A completed or cancelled Action is closed: nothing in it may change any more. */
export function assertActionEditable(action: { status: ActionStatus; name: string }) {
  if (action.status === 'completed') {
    throw new AppError('ACTION_COMPLETED', `${action.name} is completed; its record can no longer change`);
  }
  if (action.status === 'cancelled') {
    throw new AppError('ACTION_CANCELLED', `${action.name} was cancelled; its record can no longer change`);
  }
}

/**
 * The status an Action moves to when `verb` is applied, or the error that says why it cannot. A
 * suspended Action resumes in the status it was suspended from.
 */
export function nextActionStatus(
  verb: ActionVerb,
  action: { status: ActionStatus; name: string; suspendedFrom: ActionStatus | null },
): ActionStatus {
  assertActionEditable(action);
  if (!allowedFrom[verb].includes(action.status)) {
    throw new AppError(
      'ACTION_TRANSITION_NOT_ALLOWED',
      `${action.name} is ${action.status}: "${verb}" applies only to an Action that is ${allowedFrom[verb].join(' or ')}`,
    );
  }
  if (verb === 'resume') return action.suspendedFrom ?? 'design';
  return fixedTarget[verb];
}
