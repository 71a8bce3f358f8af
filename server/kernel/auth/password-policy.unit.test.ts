import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('asks for at least 12 characters and no composition rules', () => {
    expect(passwordProblem('short-pass1')).toMatch(/at least 12/);
    expect(passwordProblem('a quiet harbour at noon')).toBeNull();
    expect(passwordProblem('alllowercaseletters')).toBeNull();
  });

  it('refuses listed common and breached passwords, also with digits or symbols around them', () => {
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/common or breached/);
    expect(passwordProblem('QWERTY123456')).toMatch(/common or breached/);
    expect(passwordProblem('baseball2024!!')).toMatch(/common or breached/);
    expect(passwordProblem('!!sunshine1234')).toMatch(/common or breached/);
  });

  it('refuses a repeated short piece and the e-mail address', () => {
    expect(passwordProblem('abcabcabcabc')).toMatch(/repeats/);
    expect(passwordProblem('zzzzzzzzzzzzzz')).toMatch(/repeats/);
    expect(passwordProblem('anna.lindqvist', { email: 'Anna.Lindqvist@example.org' })).toMatch(/e-mail/);
  });
});
