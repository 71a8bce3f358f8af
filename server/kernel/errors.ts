/**
 * One typed error vocabulary for the whole API. Services throw AppError with a code that names the
 * reason; the error handler maps it once to the HTTP status and the error format.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  /** Requests for assistance: a transition that the caller's role does not allow. */
  REQUEST_NOT_YOUR_INSTITUTION: 403,
  REQUEST_SCREENING_IS_FOR_OFFICERS: 403,
  REQUEST_DECISION_IS_FOR_STEERING: 403,
  REQUEST_ROLE_NOT_ALLOWED: 403,
  /** Requests for assistance: a transition that the request's state does not allow. */
  REQUEST_ALREADY_DECIDED: 409,
  REQUEST_WITHDRAWN: 409,
  REQUEST_WRONG_STATE: 409,
  REQUEST_NOT_EDITABLE: 409,
  REQUEST_INCOMPLETE: 409,
  REQUEST_ASSESSMENT_MISSING: 409,
  REQUEST_NOT_APPROVED: 409,
  REQUEST_ACTION_ALREADY_CREATED: 409,
  /** A completed Action is closed for changes. */
  ACTION_COMPLETED: 409,
  /** A cancelled Action is closed for changes. */
  ACTION_CANCELLED: 409,
  /** The Action's status does not allow this transition (closing an Action in design, say). */
  ACTION_TRANSITION_NOT_ALLOWED: 409,
  /** An Action cannot complete while an activity is neither held nor cancelled. */
  ACTION_HAS_OPEN_ACTIVITIES: 409,
  /** An Action completes only with its closing summary written. */
  CLOSING_SUMMARY_REQUIRED: 409,
  /** The activity's status does not allow this transition. */
  ACTIVITY_TRANSITION_NOT_ALLOWED: 409,
  /** A held, reported or cancelled activity can no longer be changed or staffed. */
  ACTIVITY_CLOSED: 409,
  /** The expert is deployed on another activity on overlapping dates. */
  EXPERT_DOUBLE_BOOKED: 409,
  EXPERT_ALREADY_ASSIGNED: 409,
  /** Feedback on a deployment is written once, after the activity is held. */
  FEEDBACK_NOT_OPEN: 409,
  /** The deliverable's workflow does not allow this step from its current status. */
  DELIVERABLE_TRANSITION_NOT_ALLOWED: 409,
  /** A deliverable goes to review only with a file to review. */
  DELIVERABLE_HAS_NO_VERSION: 409,
  /** A validated or published deliverable no longer takes new versions or edits. */
  DELIVERABLE_LOCKED: 409,
  /** A new participant has the name and institution of people already on record: say which one it is. */
  PARTICIPANT_POSSIBLE_DUPLICATE: 409,
  /** The person is already in the activity's register. */
  PARTICIPANT_ALREADY_REGISTERED: 409,
  /** The person's identity was erased or pseudonymised: their record no longer changes. */
  PERSON_ANONYMISED: 409,
  /** A certificate of attendance needs at least one day of recorded presence. */
  NO_ATTENDANCE_RECORDED: 409,
  /** A computed indicator's actuals come from Tandem's records; they are not typed in. */
  INDICATOR_COMPUTED: 409,
  /** The record changed since the caller read it (If-Match does not match its version). */
  VERSION_MISMATCH: 412,
  PAYLOAD_TOO_LARGE: 413,
  /** A part of the address is longer than any identifier the API uses. */
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** An uploaded file was read but refused for what it holds (details say what and where). */
  IMPORT_FILE_INVALID: 422,
  /** An update did not say which version it read (no If-Match). */
  VERSION_REQUIRED: 428,
  RATE_LIMITED: 429,
  /** Too many failed sign-ins on this account: wait (the progressive delay), or it is locked a while. */
  ACCOUNT_LOCKED: 429,
  /** The account signs in with a second factor: send the code from the authenticator (or a recovery code). */
  TOTP_REQUIRED: 401,
  /** The second-factor code is wrong, used already or out of time. */
  TOTP_INVALID: 401,
  /** This session may only set up two-factor sign-in until that is done. */
  TOTP_ENROLMENT_REQUIRED: 403,
  /** A password reset link that is unknown, used already or expired. */
  RESET_TOKEN_INVALID: 400,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldProblem[] | undefined;

  constructor(code: ErrorCode, message: string, details?: FieldProblem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
