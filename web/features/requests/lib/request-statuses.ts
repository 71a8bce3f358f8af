import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';

export type RequestStatus = RequestDetail['status'];

/** In the order of a request's life. */
export const requestStatuses = [
  'draft',
  'submitted',
  'screening',
  'clarification',
  'steering_review',
  'approved',
  'declined',
  'withdrawn',
] as const satisfies readonly RequestStatus[];

export const requestChannels = [
  'partner_web',
  'letter',
  'email',
  'eu_delegation',
] as const satisfies readonly RequestDetail['channel'][];

/** Working languages offered in the form (ISO 639-1); any other can be typed. */
export const commonLanguages = [
  'ar',
  'en',
  'es',
  'fr',
  'pt',
  'ru',
  'tr',
  'uk',
  'ro',
  'ka',
  'hy',
  'th',
  'tet',
  'sw',
  'ha',
];
