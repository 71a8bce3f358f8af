import { z } from 'zod';
import { countryCode, pageOf, paginationQuery } from '../../kernel/http/common.contract.ts';
import { accountRequestLimits as limits } from './account-requests.limits.ts';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, { error: `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` });

export const accountRequestBody = z.strictObject({
  name: text(limits.name.min, limits.name.max),
  email: z.email({ error: 'must be an e-mail address' }).max(limits.email.max),
  institution: text(limits.institution.min, limits.institution.max),
  position: z.string().trim().max(limits.position.max).optional(),
  country: countryCode.describe('The institution’s country, ISO 3166-1 alpha-2'),
  message: text(limits.message.min, limits.message.max).describe(
    'What the institution would like to ask the facility for',
  ),
  consent: z.literal(true, {
    error: 'must be true: the facility needs your agreement to keep these details to answer you',
  }),
});
export type AccountRequestBody = z.infer<typeof accountRequestBody>;

export const accountRequestReceipt = z.object({
  id: z.uuid(),
  receivedAt: z.string(),
});
export type AccountRequestReceipt = z.infer<typeof accountRequestReceipt>;

export const accountRequestListQuery = z.strictObject({ ...paginationQuery });

export const accountRequestItem = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  institution: z.string(),
  position: z.string().nullable(),
  country: z.string(),
  message: z.string(),
  language: z.string(),
  createdAt: z.string(),
});
export const accountRequestPage = pageOf(accountRequestItem);
export type AccountRequestPage = z.infer<typeof accountRequestPage>;
