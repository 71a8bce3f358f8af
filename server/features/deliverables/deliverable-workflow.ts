import { type Actor, isStaff } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import type { DeliverableVerb } from './deliverables.contract.ts';
import type { DeliverableStatus, DeliverableVisibility } from './deliverables.table.ts';

interface Deliverable {
  status: DeliverableStatus;
  visibility: DeliverableVisibility;
  title: string;
}

/**
 * draft → partner_review → validated → published. The partner validates (or sends it back to
 * draft with its comments); an internal deliverable, which the partner never sees, is validated
 * by the staff straight from draft.
 */
export function nextDeliverableStatus(
  verb: DeliverableVerb,
  deliverable: Deliverable,
  actor: Actor,
  { worksOnIt = false, hasVersion = true } = {},
): DeliverableStatus {
  const internal = deliverable.visibility === 'internal';
  const refuse = (why: string) =>
    new AppError(
      'DELIVERABLE_TRANSITION_NOT_ALLOWED',
      `"${deliverable.title}" is ${deliverable.status}: ${why}`,
    );
  const forbid = (who: string) =>
    new AppError('FORBIDDEN', `${who} ${verb.replace(/-/g, ' ')} a deliverable`);

  switch (verb) {
    case 'submit-for-review':
      if (!isStaff(actor) && !worksOnIt) throw forbid('Only the staff and its experts may');
      if (internal) throw refuse('an internal deliverable is not reviewed by the partner');
      if (deliverable.status !== 'draft') throw refuse('only a draft goes to partner review');
      if (!hasVersion) {
        throw new AppError(
          'DELIVERABLE_HAS_NO_VERSION',
          `"${deliverable.title}" has no file yet; upload a version first`,
        );
      }
      return 'partner_review';
    case 'validate':
      if (internal) {
        if (!isStaff(actor)) throw forbid('Only the staff may');
        if (deliverable.status !== 'draft') throw refuse('only a draft can be validated');
        if (!hasVersion) {
          throw new AppError(
            'DELIVERABLE_HAS_NO_VERSION',
            `"${deliverable.title}" has no file yet; upload a version first`,
          );
        }
        return 'validated';
      }
      if (actor.role !== 'partner')
        throw forbid('The partner institution validates its deliverables; others may not');
      if (deliverable.status !== 'partner_review')
        throw refuse('only a deliverable in partner review can be validated');
      return 'validated';
    case 'request-changes':
      if (actor.role !== 'partner') throw forbid('Only the partner institution may');
      if (deliverable.status !== 'partner_review')
        throw refuse('changes are requested during partner review');
      return 'draft';
    case 'publish':
      if (!isStaff(actor)) throw forbid('Only the staff may');
      if (deliverable.status !== 'validated') throw refuse('only a validated deliverable can be published');
      return 'published';
  }
}

/** New versions and edits stop once a deliverable is validated. */
export function assertDeliverableOpen(deliverable: Deliverable) {
  if (deliverable.status === 'validated' || deliverable.status === 'published') {
    throw new AppError(
      'DELIVERABLE_LOCKED',
      `"${deliverable.title}" is ${deliverable.status}; it no longer takes new versions`,
    );
  }
}
