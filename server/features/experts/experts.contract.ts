import { z } from 'zod';
import {
  countryCode,
  fileInfo,
  isoDate,
  languageCode,
  pageOf,
  paginationQuery,
  shortCode,
} from '../../kernel/http/common.contract.ts';
import { deploymentRole } from './deployments.contract.ts';
import { expertSkills, genders, languageLevels, publicSectorStatuses } from './experts.values.ts';

export const gender = z.enum(genders);
export const languageLevel = z.enum(languageLevels);
export const expertSkill = z.enum(expertSkills);
export const publicSectorStatus = z.enum(publicSectorStatuses);

const spokenLanguage = z.strictObject({ language: languageCode, level: languageLevel });
const window = z
  .strictObject({ startDate: isoDate, endDate: isoDate })
  .refine((w) => w.startDate <= w.endDate, { error: 'must not be before the start date', path: ['endDate'] });

const profile = {
  fullName: z.string().trim().min(2).max(200),
  gender,
  email: z.email().max(320).nullable(),
  phone: z.string().trim().max(40).nullable(),
  administration: z.string().trim().min(2).max(300),
  countryCode,
  nationality: countryCode.nullable(),
  publicSectorStatus,
  nominatedBy: z.string().trim().max(300).nullable(),
  languages: z.array(spokenLanguage).min(1).max(12),
  topics: z.array(shortCode).max(20),
  skills: z.array(expertSkill).max(12),
  experienceCountries: z.array(countryCode).max(60),
  experienceRegions: z.array(shortCode).max(6),
  availability: z.array(window).max(24),
  conflictOfInterest: z.string().trim().max(4000).nullable(),
  conflictDeclaredOn: isoDate.nullable(),
  /** The e-mail of an existing expert account to link, so the expert can sign in. */
  accountEmail: z.email().nullable(),
};

const optionalKeys = [
  'email',
  'phone',
  'nationality',
  'nominatedBy',
  'conflictOfInterest',
  'conflictDeclaredOn',
  'accountEmail',
  'topics',
  'skills',
  'experienceCountries',
  'experienceRegions',
  'availability',
] as const;

export const expertInput = z.strictObject(profile).partial(
  Object.fromEntries(optionalKeys.map((key) => [key, true])) as {
    [K in (typeof optionalKeys)[number]]: true;
  },
);
export type ExpertInput = z.infer<typeof expertInput>;

export const expertPatch = z
  .strictObject(profile)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'name at least one field to change' });
export type ExpertPatch = z.infer<typeof expertPatch>;

export const expertListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  topic: shortCode.optional(),
  language: languageCode.optional(),
  country: countryCode.optional(),
  skill: expertSkill.optional(),
  gender: gender.optional(),
  ...paginationQuery,
});
export type ExpertListQuery = z.infer<typeof expertListQuery>;

const feedbackSummary = z.object({ count: z.number().int(), average: z.number().nullable() });

export const expertListItem = z.object({
  id: z.uuid(),
  fullName: z.string(),
  gender,
  administration: z.string(),
  countryCode: z.string(),
  publicSectorStatus,
  languages: z.array(z.object({ language: z.string(), level: languageLevel })),
  topics: z.array(z.string()),
  skills: z.array(z.string()),
  deployments: z.number().int(),
  feedback: feedbackSummary,
});
export type ExpertListItem = z.infer<typeof expertListItem>;
export const expertPage = pageOf(expertListItem);
export type ExpertPage = z.infer<typeof expertPage>;

export const expertDeployment = z.object({
  id: z.uuid(),
  role: deploymentRole,
  days: z.number().int(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  activityStatus: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  actionId: z.uuid(),
  actionName: z.string(),
  feedback: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
});

export const expertDetail = expertListItem.extend({
  /** Contact data: null for steering members, who read the roster without it. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  cv: fileInfo.nullable(),
  contactHidden: z.boolean(),
  nationality: z.string().nullable(),
  nominatedBy: z.string().nullable(),
  experienceCountries: z.array(z.string()),
  experienceRegions: z.array(z.string()),
  availability: z.array(z.object({ startDate: z.string(), endDate: z.string() })),
  conflictOfInterest: z.string().nullable(),
  conflictDeclaredOn: z.string().nullable(),
  hasAccount: z.boolean(),
  deploymentHistory: z.array(expertDeployment),
  version: z.number().int(),
});
export type ExpertDetail = z.infer<typeof expertDetail>;

/** What an expert who signs in sees: their own assignments. */
export const myAssignments = z.object({
  expert: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  assignments: z.array(expertDeployment.omit({ feedback: true })),
});
export type MyAssignments = z.infer<typeof myAssignments>;
