import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** At least this many characters; no composition rules (ASVS 2.1, NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

let common: Set<string> | undefined;

/**
 * The bundled list of common and breached passwords (common-passwords.txt: the ranked password list
 * of @zxcvbn-ts/language-common 4.1.3, MIT licence, itself drawn from public breach corpora),
 * lower-cased, one a line.
 */
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
    common = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  }
  return common;
}

/**
 * What is wrong with a new password, or null when it may be used. Besides the length, a password is
 * refused when it is a listed common or breached password, such a password with digits or symbols
 * around it ("dragonfly2024!"), one short piece repeated, or the account's own e-mail address.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core)))
    return 'is a common or breached password; choose another';
  if (/^(.{1,4})\1+$/su.test(password)) return 'repeats a short sequence; choose another';
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) return 'must not be the e-mail address';
  return null;
}
