import { z } from 'zod';
import { countryCode, pageOf, paginationQuery, shortCode } from '../../kernel/http/common.contract.ts';
import { actionStatus, institutionRef } from '../actions/actions.contract.ts';
import { transitionNames } from './requests.policy.ts';
import { attachmentKinds, recommendations, requestChannels, requestStatuses } from './requests.values.ts';

export const requestStatus = z.enum(requestStatuses);
export const requestChannel = z.enum(requestChannels);
export const recommendation = z.enum(recommendations);

const longText = z.string().trim().max(5000, { error: 'must be at most 5000 characters' });
const languageCode = z.string().regex(/^[a-z]{2,3}$/, { error: 'must be an ISO 639-1 code such as es' });

export const targetGroup = z.strictObject({
  description: z.string().trim().min(1, { error: 'is required' }).max(300),
  estimatedNumber: z.number().int().min(0).max(100_000_000).nullable().default(null),
});

const requestFields = {
  title: z.string().trim().min(1, { error: 'is required' }).max(300),
  language: languageCode.optional(),
  jointInstitutionIds: z.array(z.uuid()).max(10).optional(),
  thematicAreaCode: shortCode.nullable().optional(),
  countries: z.array(countryCode).max(40).optional(),
  topics: z.array(shortCode).max(12).optional(),
  problem: longText.optional(),
  expectedChange: longText.optional(),
  preferredTiming: z.string().trim().max(500).optional(),
  earlierAssistance: longText.optional(),
  targetGroups: z.array(targetGroup).max(20).optional(),
  workingLanguages: z.array(languageCode).max(10).optional(),
};

/** A new draft. A partner asks for its own institution; an officer names the institution and the channel. */
export const createRequestBody = z.strictObject({
  ...requestFields,
  requestingInstitutionId: z.uuid().optional(),
  channel: requestChannel.optional(),
});
export type CreateRequestBody = z.infer<typeof createRequestBody>;

export const updateRequestBody = z.strictObject({
  ...requestFields,
  title: requestFields.title.optional(),
  requestingInstitutionId: z.uuid().optional(),
  channel: requestChannel.optional(),
});
export type UpdateRequestBody = z.infer<typeof updateRequestBody>;

export const requestListQuery = z.strictObject({
  status: requestStatus.optional(),
  country: countryCode.optional(),
  topic: shortCode.optional(),
  channel: requestChannel.optional(),
  q: z.string().trim().max(200).optional(),
  ...paginationQuery,
});
export type RequestListQuery = z.infer<typeof requestListQuery>;

export const boardQuery = requestListQuery.omit({ status: true, page: true, pageSize: true });
export type BoardQuery = z.infer<typeof boardQuery>;

const reason = z.string().trim().min(1, { error: 'is required' }).max(5000);
export const transitionBodies = {
  submit: z.strictObject({}),
  'start-screening': z.strictObject({}),
  'ask-clarification': z.strictObject({ question: reason }),
  resubmit: z.strictObject({ answer: reason.optional() }),
  'send-to-steering': z.strictObject({ note: longText.optional() }),
  approve: z.strictObject({ reason, notes: longText.optional() }),
  decline: z.strictObject({ reason, notes: longText.optional() }),
  withdraw: z.strictObject({ reason: reason.optional() }),
} as const;
export type TransitionBody = { [K in keyof typeof transitionBodies]: z.infer<(typeof transitionBodies)[K]> };

export const assessmentBody = z.strictObject({
  assessment: z.string().trim().max(10_000),
  recommendation: recommendation.nullable(),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

export const messageBody = z.strictObject({
  body: z.string().trim().min(1, { error: 'is required' }).max(5000),
});

export const eligibilityResult = z.object({
  rule: z.enum(['country', 'institution', 'topic', 'overlap', 'history']),
  outcome: z.enum(['pass', 'warning', 'fail']),
  code: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.array(z.string())),
});

const linkedAction = z.object({ id: z.uuid(), name: z.string(), status: actionStatus });

export const requestListItem = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  status: requestStatus,
  channel: requestChannel,
  requestingInstitution: institutionRef.nullable(),
  countries: z.array(z.string()),
  topics: z.array(z.string()),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  statusChangedAt: z.string(),
  daysInState: z.number().int().describe('Whole days since the request entered its current state'),
  daysToDecision: z
    .number()
    .int()
    .nullable()
    .describe('Whole days from submission to decision, once decided'),
  action: linkedAction.nullable(),
});
export type RequestListItem = z.infer<typeof requestListItem>;
export const requestPage = pageOf(requestListItem);
export type RequestPage = z.infer<typeof requestPage>;

export const attachment = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  kind: z.enum(attachmentKinds),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const requestDetail = requestListItem.extend({
  language: z.string(),
  jointInstitutions: z.array(institutionRef),
  thematicAreaCode: z.string().nullable(),
  problem: z.string(),
  expectedChange: z.string(),
  preferredTiming: z.string(),
  earlierAssistance: z.string(),
  targetGroups: z.array(z.object({ description: z.string(), estimatedNumber: z.number().int().nullable() })),
  workingLanguages: z.array(z.string()),
  attachments: z.array(attachment),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** What the caller may do now, so that the web app shows only the buttons that will work. */
  allowed: z.array(z.enum([...transitionNames, 'edit', 'assess', 'create-action', 'write', 'attach'])),
  // Staff and steering only; absent for partners.
  assessment: z.string().optional(),
  recommendation: recommendation.nullable().optional(),
  steeringNotes: z.string().optional(),
  eligibility: z.array(eligibilityResult).nullable().optional(),
  eligibilityCheckedAt: z.string().nullable().optional(),
});
export type RequestDetail = z.infer<typeof requestDetail>;

const person = z.object({ name: z.string(), role: z.string() }).nullable();

export const timelineEntry = z.object({
  id: z.uuid(),
  from: requestStatus.nullable(),
  to: requestStatus,
  at: z.string(),
  by: person,
  reason: z.string().nullable(),
});
export const timeline = z.object({ items: z.array(timelineEntry) });
export type Timeline = z.infer<typeof timeline>;

export const messageItem = z.object({
  id: z.uuid(),
  kind: z.enum(['message', 'question', 'answer']),
  body: z.string(),
  at: z.string(),
  by: person,
});
export const messageList = z.object({ items: z.array(messageItem) });
export type MessageList = z.infer<typeof messageList>;

export const boardColumn = z.object({
  status: requestStatus,
  count: z.number().int(),
  items: z.array(requestListItem),
});
export const board = z.object({
  columns: z.array(boardColumn),
  decisions: z.object({
    count: z.number().int(),
    averageDays: z.number().nullable(),
    medianDays: z.number().nullable(),
  }),
});
export type Board = z.infer<typeof board>;

export const createdAction = z.object({ id: z.uuid(), name: z.string(), code: z.string() });

export const requestFormOptions = z.object({
  institutions: z.array(institutionRef),
});
export type RequestFormOptions = z.infer<typeof requestFormOptions>;

export const eligibilitySettingsBody = z.strictObject({
  regions: z.array(shortCode).max(20),
  countries: z.array(countryCode).max(250),
  excludedCountries: z.array(countryCode).max(250),
  topics: z.array(shortCode).max(100),
});
export type EligibilitySettingsBody = z.infer<typeof eligibilitySettingsBody>;
export const eligibilitySettingsResponse = z.object({
  ...eligibilitySettingsBody.shape,
  version: z.number().int(),
});

export const attachmentParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
