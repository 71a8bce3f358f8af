import { type Actor, isStaff } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import type { RequestStatus } from './requests.table.ts';

// The lifecycle: draft → submitted → screening → (clarification ⇄ screening) → steering_review →
// approved | declined, and withdrawn from any state before the decision. Who may move a request is
// checked before the state, so a partner asking to approve hears that deciding is the committee's.

/** Who may take a step: the requesting institution (or an officer on its behalf), officers, steering. */
type Mover = 'requester' | 'staff' | 'steering';

export const transitions = {
  submit: { from: ['draft'], to: 'submitted', by: 'requester' },
  'start-screening': { from: ['submitted'], to: 'screening', by: 'staff' },
  'ask-clarification': { from: ['screening'], to: 'clarification', by: 'staff' },
  resubmit: { from: ['clarification'], to: 'screening', by: 'requester' },
  'send-to-steering': { from: ['screening'], to: 'steering_review', by: 'staff' },
  approve: { from: ['steering_review'], to: 'approved', by: 'steering' },
  decline: { from: ['steering_review'], to: 'declined', by: 'steering' },
  withdraw: {
    from: ['draft', 'submitted', 'screening', 'clarification', 'steering_review'],
    to: 'withdrawn',
    by: 'requester',
  },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus; by: Mover }>;
export type TransitionName = keyof typeof transitions;
export const transitionNames = Object.keys(transitions) as TransitionName[];

export const DECIDED: RequestStatus[] = ['approved', 'declined'];
export const OPEN_STATUSES: RequestStatus[] = ['submitted', 'screening', 'clarification', 'steering_review'];
/** States in which the requesting institution may change what it asks. */
export const EDITABLE: RequestStatus[] = ['draft', 'clarification'];

export interface RequestAccess {
  status: RequestStatus;
  /** The institution that asks, and those that join it. */
  requestingInstitutionId: string | null;
  jointInstitutionIds: string[];
}

/** The requesting institution's focal point, or staff acting on its behalf. */
export const actsForRequester = (actor: Actor, request: RequestAccess) =>
  isStaff(actor) ||
  (actor.role === 'partner' &&
    actor.institutionId !== null &&
    actor.institutionId === request.requestingInstitutionId);

function roleError(actor: Actor, by: Mover, request: RequestAccess): AppError | null {
  if (by === 'steering') {
    return actor.role === 'steering'
      ? null
      : new AppError(
          'REQUEST_DECISION_IS_FOR_STEERING',
          'Only a steering committee member approves or declines a request',
        );
  }
  if (by === 'staff') {
    return isStaff(actor)
      ? null
      : new AppError(
          'REQUEST_SCREENING_IS_FOR_OFFICERS',
          'Only the facility’s officers screen requests and send them on',
        );
  }
  if (actsForRequester(actor, request)) return null;
  if (actor.role === 'partner') {
    return new AppError(
      'REQUEST_NOT_YOUR_INSTITUTION',
      'Only the requesting institution (or an officer on its behalf) may do this; a joint institution follows the request',
    );
  }
  return new AppError('REQUEST_ROLE_NOT_ALLOWED', `A ${actor.role} cannot do this to a request`);
}

/** Why a request in this state cannot take this step, as the error the API answers. */
export function stateError(
  status: RequestStatus,
  step: string,
  allowedFrom: readonly RequestStatus[],
): AppError {
  if (DECIDED.includes(status)) {
    return new AppError(
      'REQUEST_ALREADY_DECIDED',
      `The request was already ${status}; it cannot ${step} any more`,
    );
  }
  if (status === 'withdrawn') {
    return new AppError('REQUEST_WITHDRAWN', `The request was withdrawn; it cannot ${step} any more`);
  }
  return new AppError(
    'REQUEST_WRONG_STATE',
    `A request in ${status} cannot ${step}; that needs a request in ${allowedFrom.join(' or ')}`,
  );
}

/** Throws the 403 or 409 that says why this actor cannot take this step now; nothing when it can. */
export function assertTransition(actor: Actor, request: RequestAccess, name: TransitionName) {
  const rule = transitions[name];
  const denied = roleError(actor, rule.by, request);
  if (denied) throw denied;
  if (!(rule.from as readonly RequestStatus[]).includes(request.status)) {
    throw stateError(request.status, name.replaceAll('-', ' '), rule.from);
  }
}

export function canTransition(actor: Actor, request: RequestAccess, name: TransitionName): boolean {
  try {
    assertTransition(actor, request, name);
    return true;
  } catch {
    return false;
  }
}

export function assertEditable(actor: Actor, request: RequestAccess) {
  const denied = roleError(actor, 'requester', request);
  if (denied) throw denied;
  if (!EDITABLE.includes(request.status)) {
    if (DECIDED.includes(request.status) || request.status === 'withdrawn')
      throw stateError(request.status, 'be edited', EDITABLE);
    throw new AppError(
      'REQUEST_NOT_EDITABLE',
      `A request in ${request.status} cannot be edited; it can be changed while in draft or when the facility asks for clarification`,
    );
  }
}

/** Officers assess while they screen: from submission until the request goes to the committee. */
export const ASSESSABLE: RequestStatus[] = ['submitted', 'screening', 'clarification'];

export function assertAssessable(actor: Actor, request: RequestAccess) {
  if (!isStaff(actor)) {
    throw new AppError('REQUEST_SCREENING_IS_FOR_OFFICERS', 'Only the facility’s officers assess requests');
  }
  if (!ASSESSABLE.includes(request.status)) throw stateError(request.status, 'be assessed', ASSESSABLE);
}

/** Who may write in a request's conversation: its institutions and the facility's staff. */
export function assertCanWrite(actor: Actor, request: RequestAccess) {
  const ownInstitution =
    actor.role === 'partner' &&
    actor.institutionId !== null &&
    (actor.institutionId === request.requestingInstitutionId ||
      request.jointInstitutionIds.includes(actor.institutionId));
  if (!isStaff(actor) && !ownInstitution) {
    throw new AppError(
      'REQUEST_ROLE_NOT_ALLOWED',
      'The conversation is between the requesting institutions and the facility’s staff',
    );
  }
}

/** Attachments: the requester while it may edit; staff (the original letter) until the decision. */
export function assertCanAttach(actor: Actor, request: RequestAccess) {
  if (isStaff(actor)) {
    const open = [...EDITABLE, ...OPEN_STATUSES];
    if (!open.includes(request.status)) throw stateError(request.status, 'take attachments', open);
    return;
  }
  assertEditable(actor, request);
}

export function assertCanCreateAction(actor: Actor, request: RequestAccess & { actionId: string | null }) {
  if (!isStaff(actor)) {
    throw new AppError('REQUEST_SCREENING_IS_FOR_OFFICERS', 'Only the facility’s officers create the Action');
  }
  if (request.status !== 'approved') {
    throw new AppError(
      request.status === 'withdrawn' ? 'REQUEST_WITHDRAWN' : 'REQUEST_NOT_APPROVED',
      `Only an approved request becomes an Action; this one is ${request.status}`,
    );
  }
  if (request.actionId) {
    throw new AppError('REQUEST_ACTION_ALREADY_CREATED', 'This request has already become an Action');
  }
}
