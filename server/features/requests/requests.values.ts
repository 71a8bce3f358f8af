// The value lists of requests (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const requestStatuses = [
  'draft',
  'submitted',
  'screening',
  'clarification',
  'steering_review',
  'approved',
  'declined',
  'withdrawn',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How a request reached the facility: the web app, or a letter, e-mail or EU Delegation that an officer entered. */
export const requestChannels = ['partner_web', 'letter', 'email', 'eu_delegation'] as const;
export type RequestChannel = (typeof requestChannels)[number];

export const recommendations = ['approve', 'decline'] as const;
export type Recommendation = (typeof recommendations)[number];

/** `original` is the letter or e-mail an officer entered the request from. */
export const attachmentKinds = ['attachment', 'original'] as const;
