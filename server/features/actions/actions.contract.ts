import { z } from 'zod';
import {
  countryCode,
  namedCode,
  pageOf,
  paginationQuery,
  shortCode,
} from '../../kernel/http/common.contract.ts';
import { actionStatuses } from './action-statuses.ts';

export const actionStatus = z.enum(actionStatuses);

export const actionListQuery = z.strictObject({
  status: actionStatus.optional(),
  topic: shortCode.optional(),
  region: shortCode.optional(),
  country: countryCode.optional(),
  q: z.string().trim().max(200).optional(),
  ...paginationQuery,
});
export type ActionListQuery = z.infer<typeof actionListQuery>;

export const institutionRef = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
  type: z.string(),
  countryCode: z.string().nullable(),
});

export const actionListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  title: z.string(),
  status: actionStatus,
  countries: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes'),
  regions: z.array(z.string()),
  topics: z.array(z.string()),
  requestingInstitution: institutionRef.nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
});
export type ActionListItem = z.infer<typeof actionListItem>;

export const actionPage = pageOf(actionListItem);
export type ActionPage = z.infer<typeof actionPage>;

export const actionDetail = actionListItem.extend({
  summary: z.string(),
  institutions: z.array(institutionRef.extend({ role: z.enum(['requesting', 'beneficiary']) })),
  topicNames: z.array(namedCode),
  pillars: z.array(namedCode),
  approaches: z.array(namedCode),
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() })),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  requestId: z.uuid().nullable().optional().describe('The request this Action was made from, if any'),
});
export type ActionDetail = z.infer<typeof actionDetail>;
