import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.ts';
import { assertActionEditable, nextActionStatus } from './action-status.ts';
import type { ActionStatus } from './actions.table.ts';

const action = (status: ActionStatus, suspendedFrom: ActionStatus | null = null) => ({
  status,
  suspendedFrom,
  name: 'Ghana III',
});
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return 'no error';
};

describe('nextActionStatus', () => {
  it('follows design → implementation → closing → completed', () => {
    expect(nextActionStatus('start', action('design'))).toBe('implementation');
    expect(nextActionStatus('close', action('implementation'))).toBe('closing');
    expect(nextActionStatus('complete', action('closing'))).toBe('completed');
  });

  it('suspends an ongoing Action and resumes it where it was', () => {
    expect(nextActionStatus('suspend', action('implementation'))).toBe('suspended');
    expect(nextActionStatus('resume', action('suspended', 'closing'))).toBe('closing');
    expect(nextActionStatus('cancel', action('suspended', 'design'))).toBe('cancelled');
  });

  it('refuses a verb the status does not allow, saying so', () => {
    expect(codeOf(() => nextActionStatus('close', action('design')))).toBe('ACTION_TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => nextActionStatus('complete', action('implementation')))).toBe(
      'ACTION_TRANSITION_NOT_ALLOWED',
    );
    expect(codeOf(() => nextActionStatus('resume', action('implementation')))).toBe(
      'ACTION_TRANSITION_NOT_ALLOWED',
    );
  });

  it('refuses any change to a completed or cancelled Action with a code that says which', () => {
    expect(codeOf(() => nextActionStatus('suspend', action('completed')))).toBe('ACTION_COMPLETED');
    expect(codeOf(() => nextActionStatus('resume', action('cancelled')))).toBe('ACTION_CANCELLED');
    expect(codeOf(() => assertActionEditable(action('completed')))).toBe('ACTION_COMPLETED');
    expect(codeOf(() => assertActionEditable(action('implementation')))).toBe('no error');
  });
});
