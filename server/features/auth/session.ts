import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'tandem_session';
/** A session ends after this long without a request... */
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** ...and after this long in any case. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** The last-seen time is written at most this often, not at every request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export const newToken = () => randomBytes(32).toString('base64url');

/** Sessions are stored by the digest of their token, never the token itself. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');
