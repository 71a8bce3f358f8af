/**
 * Field limits of a request for a partner account, shared by the server's contract and the portal's
 * form (which checks them before sending, without loading the schema library into the page).
 */
export const accountRequestLimits = {
  name: { min: 2, max: 120 },
  email: { max: 254 },
  institution: { min: 2, max: 200 },
  position: { max: 120 },
  message: { min: 20, max: 2000 },
} as const;

/** Requests one address may send in an hour: enough for a few colleagues, too few for a spammer. */
export const ACCOUNT_REQUESTS_PER_HOUR = 5;
