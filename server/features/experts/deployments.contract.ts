import { z } from 'zod';
import { deploymentRoles } from './deployments.values.ts';

export const deploymentRole = z.enum(deploymentRoles);

/** An expert on an activity, as the caller may see it: partners and the public never see names. */
export const deploymentView = z.object({
  id: z.uuid(),
  expertId: z.uuid().nullable(),
  expertName: z.string().nullable().describe('Null for callers who may not see experts’ names'),
  expertCountry: z.string().describe('ISO 3166-1 alpha-2 code of the deploying country'),
  role: deploymentRole,
  days: z.number().int(),
  feedback: z
    .object({ score: z.number().int(), comment: z.string() })
    .nullable()
    .describe('For staff and steering only'),
});
export type DeploymentView = z.infer<typeof deploymentView>;

export const assignExpertBody = z.strictObject({
  expertId: z.uuid(),
  role: deploymentRole,
  days: z.number().int().min(1).max(90),
});
export type AssignExpertBody = z.infer<typeof assignExpertBody>;

export const feedbackBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(4000).default(''),
});

export const expertOnActivityParams = z.strictObject({
  id: z.uuid({ error: 'must be a UUID' }),
  expertId: z.uuid({ error: 'must be a UUID' }),
});
