// In the order of a request's life; the server's own lists (its database enums).
export {
  type RequestChannel,
  type RequestStatus,
  requestChannels,
  requestStatuses,
} from '../../../../server/features/requests/requests.values.ts';

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
