import { z } from 'zod';
import { testPhases } from './learning.values.ts';
import { evaluationAggregate } from './results.contract.ts';

export const testPhase = z.enum(testPhases);

export const testQuestion = z
  .strictObject({
    text: z.string().trim().min(1).max(1000),
    options: z.array(z.string().trim().min(1).max(300)).min(2).max(6),
    answer: z.number().int().min(0),
  })
  .refine((q) => q.answer < q.options.length, {
    error: 'must be the index of one of the options',
    path: ['answer'],
  });

export const testInput = z.strictObject({ questions: z.array(testQuestion).min(1).max(40) });
export type TestInput = z.infer<typeof testInput>;

export const testView = z.object({
  activityId: z.uuid(),
  questions: z.array(z.object({ text: z.string(), options: z.array(z.string()), answer: z.number().int() })),
  maxScore: z.number().int(),
  version: z.number().int(),
});
export type TestView = z.infer<typeof testView>;

export const scoresInput = z.strictObject({
  phase: testPhase,
  scores: z
    .array(z.strictObject({ participationId: z.uuid(), score: z.number().int().min(0).nullable() }))
    .min(1)
    .max(500),
});
export type ScoresInput = z.infer<typeof scoresInput>;

export const participantScore = z.object({
  participationId: z.uuid(),
  fullName: z.string(),
  sex: z.string(),
  pre: z.number().int().nullable(),
  post: z.number().int().nullable(),
  /** (post − pre) / (max − pre); null without both scores or with a perfect pre-test. */
  gain: z.number().nullable(),
});

export const scoresView = z.object({
  activityId: z.uuid(),
  maxScore: z.number().int().nullable(),
  /** Only the participants the caller may see (a partner: its own institution's). */
  participants: z.array(participantScore),
  version: z
    .number()
    .int()
    .nullable()
    .describe('The score sheet’s version, also its ETag; null until the training has a test'),
  group: z.object({
    paired: z.number().int(),
    meanPre: z.number().nullable(),
    meanPost: z.number().nullable(),
    groupGain: z.number().nullable(),
  }),
});
export type ScoresView = z.infer<typeof scoresView>;

export const linksInput = z.strictObject({
  phase: testPhase,
  /** How long the links work, in hours. */
  validForHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(48),
});
export type LinksInput = z.infer<typeof linksInput>;

export const testLinkView = z.object({
  participationId: z.uuid(),
  fullName: z.string(),
  url: z.string(),
  /** The link as a QR code, an SVG image. */
  qrSvg: z.string(),
  expiresAt: z.string(),
});
export const testLinks = z.object({
  phase: testPhase,
  /** The links are shown this once; only their hashes are kept. */
  items: z.array(testLinkView),
});
export type TestLinks = z.infer<typeof testLinks>;

const scale = z.number().int().min(1).max(5);
export const evaluationsInput = z.strictObject({
  responses: z
    .array(
      z.strictObject({
        participationId: z.uuid().optional(),
        satisfaction: scale,
        relevance: scale,
        expectedUse: scale,
        comment: z.string().trim().max(2000).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type EvaluationsInput = z.infer<typeof evaluationsInput>;

export const evaluationsView = evaluationAggregate.extend({
  activityId: z.uuid(),
  /** Free comments, for staff only. */
  comments: z.array(z.string()),
});
export type EvaluationsView = z.infer<typeof evaluationsView>;
