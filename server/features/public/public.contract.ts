import { z } from 'zod';
import { countryCode, pageOf, paginationQuery, shortCode } from '../../kernel/http/common.contract.ts';
import { actionStatus, institutionRef } from '../actions/actions.contract.ts';

/** Public statuses: design is partner-scoped, cancelled and suspended Actions are not shown. */
export const publicStatusFilter = z.enum(['ongoing', 'completed']);

export const publicActionListQuery = z.strictObject({
  status: publicStatusFilter.optional(),
  topic: shortCode.optional(),
  region: shortCode.optional(),
  country: countryCode.optional(),
  q: z.string().trim().max(200).optional(),
  ...paginationQuery,
});

export const publicActionItem = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  title: z.string(),
  summary: z.string(),
  status: actionStatus,
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  topics: z.array(z.string()),
  requestingInstitution: institutionRef.nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
});
export type PublicActionItem = z.infer<typeof publicActionItem>;
export const publicActionPage = pageOf(publicActionItem);
export type PublicActionPage = z.infer<typeof publicActionPage>;

export const publicActionDetail = publicActionItem.extend({
  institutions: z.array(institutionRef.extend({ role: z.enum(['requesting', 'beneficiary']) })),
  topicNames: z.array(z.object({ code: z.string(), name: z.string() })),
  pillars: z.array(z.object({ code: z.string(), name: z.string() })),
  approaches: z.array(z.object({ code: z.string(), name: z.string() })),
  partners: z.array(z.object({ name: z.string(), acronym: z.string().nullable() })),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
});
export type PublicActionDetail = z.infer<typeof publicActionDetail>;

export const publicStats = z.object({
  ongoingActions: z.number().int(),
  countries: z.number().int().describe('Distinct countries with an ongoing Action'),
  topics: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      count: z.number().int(),
      share: z.number().describe('Fraction of ongoing Actions: 0.2 for a fifth'),
    }),
  ),
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      ongoingActions: z.number().int(),
      countries: z.number().int(),
    }),
  ),
});
export type PublicStats = z.infer<typeof publicStats>;
