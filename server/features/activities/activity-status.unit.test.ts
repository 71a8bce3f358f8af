import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.ts';
import type { ActivityStatus } from './activities.table.ts';
import { assertActivityOpen, nextActivityStatus } from './activity-status.ts';

const activity = (status: ActivityStatus, startDate = '2026-01-10') => ({
  status,
  startDate,
  title: 'Training',
});
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return 'no error';
};

describe('nextActivityStatus', () => {
  it('goes planned → confirmed → held → reported', () => {
    expect(nextActivityStatus('confirm', activity('planned'), '2026-01-01')).toBe('confirmed');
    expect(nextActivityStatus('hold', activity('confirmed'), '2026-01-10')).toBe('held');
    expect(nextActivityStatus('report', activity('held'), '2026-02-01')).toBe('reported');
  });

  it('postpones and confirms again, and cancels before it is held', () => {
    expect(nextActivityStatus('postpone', activity('confirmed'), '2026-01-01')).toBe('postponed');
    expect(nextActivityStatus('confirm', activity('postponed'), '2026-01-01')).toBe('confirmed');
    expect(nextActivityStatus('cancel', activity('postponed'), '2026-01-01')).toBe('cancelled');
  });

  it('refuses skipped or backward steps', () => {
    expect(failure(() => nextActivityStatus('hold', activity('planned'), '2026-02-01'))).toBe(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
    );
    expect(failure(() => nextActivityStatus('cancel', activity('held'), '2026-02-01'))).toBe(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
    );
    expect(failure(() => nextActivityStatus('report', activity('confirmed'), '2026-02-01'))).toBe(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
    );
  });

  it('does not mark as held an activity that has not started', () => {
    expect(failure(() => nextActivityStatus('hold', activity('confirmed', '2026-03-01'), '2026-02-28'))).toBe(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
    );
  });
});

describe('assertActivityOpen', () => {
  it('lets open activities change and closes the others', () => {
    expect(failure(() => assertActivityOpen(activity('postponed')))).toBe('no error');
    expect(failure(() => assertActivityOpen(activity('held')))).toBe('ACTIVITY_CLOSED');
    expect(failure(() => assertActivityOpen(activity('cancelled')))).toBe('ACTIVITY_CLOSED');
  });
});
