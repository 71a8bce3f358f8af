import { z } from 'zod';
import { gender } from './experts.contract.ts';

export const matchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const matchReason = z.object({
  criterion: z.enum(['topic', 'language', 'experience', 'availability', 'feedback', 'balance']),
  points: z.number(),
  max: z.number(),
  code: z.string().describe('Stable code of the reason, to phrase it in the reader’s language'),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string().describe('The reason in English'),
});
export type MatchReason = z.infer<typeof matchReason>;

export const expertMatch = z.object({
  expert: z.object({
    id: z.uuid(),
    fullName: z.string(),
    gender,
    countryCode: z.string(),
    administration: z.string(),
  }),
  score: z.number().describe('Out of 100: the sum of the reasons’ points'),
  reasons: z.array(matchReason),
});
export type ExpertMatch = z.infer<typeof expertMatch>;

export const expertMatches = z.object({
  activityId: z.uuid(),
  criteria: z.object({
    topics: z.array(z.string()),
    languages: z.array(z.string()),
    countries: z.array(z.string()),
    regions: z.array(z.string()),
    startDate: z.string(),
    endDate: z.string(),
    underRepresentedGender: z.string().nullable(),
  }),
  /** Experts left out because they are deployed elsewhere on overlapping dates. */
  excludedBusy: z.number().int(),
  matches: z.array(expertMatch),
});
export type ExpertMatches = z.infer<typeof expertMatches>;
