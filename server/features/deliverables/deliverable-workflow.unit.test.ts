import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import { assertDeliverableOpen, nextDeliverableStatus } from './deliverable-workflow.ts';
import type { DeliverableStatus, DeliverableVisibility } from './deliverables.table.ts';

const person = (role: Actor['role']): Actor => ({
  id: role,
  email: `${role}@x.test`,
  name: role,
  role,
  institutionId: null,
});
const item = (status: DeliverableStatus, visibility: DeliverableVisibility = 'partner') => ({
  status,
  visibility,
  title: 'Training module',
});
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return 'no error';
};

describe('the deliverable workflow', () => {
  it('goes draft → partner review → validated → published, each step by its owner', () => {
    expect(nextDeliverableStatus('submit-for-review', item('draft'), person('officer'))).toBe(
      'partner_review',
    );
    expect(nextDeliverableStatus('validate', item('partner_review'), person('partner'))).toBe('validated');
    expect(nextDeliverableStatus('publish', item('validated'), person('officer'))).toBe('published');
  });

  it('lets the partner send a draft back, and an expert who works on it submit it', () => {
    expect(nextDeliverableStatus('request-changes', item('partner_review'), person('partner'))).toBe('draft');
    expect(
      nextDeliverableStatus('submit-for-review', item('draft'), person('expert'), { worksOnIt: true }),
    ).toBe('partner_review');
  });

  it('keeps validation with the partner, and publication with the staff', () => {
    expect(failure(() => nextDeliverableStatus('validate', item('partner_review'), person('officer')))).toBe(
      'FORBIDDEN',
    );
    expect(failure(() => nextDeliverableStatus('publish', item('validated'), person('partner')))).toBe(
      'FORBIDDEN',
    );
    expect(failure(() => nextDeliverableStatus('submit-for-review', item('draft'), person('expert')))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses skipped steps and a review without a file', () => {
    expect(failure(() => nextDeliverableStatus('publish', item('partner_review'), person('officer')))).toBe(
      'DELIVERABLE_TRANSITION_NOT_ALLOWED',
    );
    expect(failure(() => nextDeliverableStatus('validate', item('draft'), person('partner')))).toBe(
      'DELIVERABLE_TRANSITION_NOT_ALLOWED',
    );
    expect(
      failure(() =>
        nextDeliverableStatus('submit-for-review', item('draft'), person('officer'), { hasVersion: false }),
      ),
    ).toBe('DELIVERABLE_HAS_NO_VERSION');
  });

  it('has the staff validate an internal deliverable straight from draft', () => {
    expect(nextDeliverableStatus('validate', item('draft', 'internal'), person('officer'))).toBe('validated');
    expect(
      failure(() => nextDeliverableStatus('submit-for-review', item('draft', 'internal'), person('officer'))),
    ).toBe('DELIVERABLE_TRANSITION_NOT_ALLOWED');
  });

  it('locks a validated or published deliverable against new versions', () => {
    expect(failure(() => assertDeliverableOpen(item('partner_review')))).toBe('no error');
    expect(failure(() => assertDeliverableOpen(item('validated')))).toBe('DELIVERABLE_LOCKED');
    expect(failure(() => assertDeliverableOpen(item('published')))).toBe('DELIVERABLE_LOCKED');
  });
});
