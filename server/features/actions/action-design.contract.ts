import { z } from 'zod';
import { isoDate } from '../../kernel/http/common.contract.ts';
import { actionStatus } from './actions.contract.ts';

const longText = z.string().trim().max(10_000);

export const plannedDeliverable = z.strictObject({
  type: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
});

export const designComment = z.object({
  id: z.uuid(),
  authorName: z.string(),
  authorRole: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

/** The design of an Action, its closure texts and the comments on it. */
export const actionDesign = z.object({
  actionId: z.uuid(),
  status: actionStatus,
  overallObjective: z.string(),
  specificObjectives: z.array(z.string()),
  plannedDeliverables: z.array(z.object({ type: z.string(), title: z.string() })),
  plannedActivities: z.number().int().nullable(),
  plannedExpertDays: z.number().int().nullable(),
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() })),
  lessonsLearnt: z.string(),
  closingSummary: z.string(),
  statusReason: z.string().nullable(),
  /** What the Action has so far, beside what it planned. */
  progress: z.object({
    activities: z.number().int(),
    activitiesHeld: z.number().int(),
    expertDaysDeployed: z.number().int(),
  }),
  comments: z.array(designComment),
  version: z.number().int(),
});
export type ActionDesign = z.infer<typeof actionDesign>;

export const actionDesignPatch = z
  .strictObject({
    overallObjective: longText,
    specificObjectives: z.array(z.string().trim().min(1).max(1000)).max(20),
    plannedDeliverables: z.array(plannedDeliverable).max(30),
    plannedActivities: z.number().int().min(0).max(100).nullable(),
    plannedExpertDays: z.number().int().min(0).max(10_000).nullable(),
    partnerIds: z.array(z.uuid()).max(20),
    plannedStart: isoDate.nullable(),
    plannedEnd: isoDate.nullable(),
    lessonsLearnt: longText,
    closingSummary: longText,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'name at least one field to change' })
  .refine((p) => !p.plannedStart || !p.plannedEnd || p.plannedStart <= p.plannedEnd, {
    error: 'must not be before the planned start',
    path: ['plannedEnd'],
  });
export type ActionDesignPatch = z.infer<typeof actionDesignPatch>;

export const designCommentBody = z.strictObject({ body: z.string().trim().min(1).max(4000) });

/** A transition's body: a reason, required to suspend or cancel, optional otherwise. */
export const transitionBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) }).partial();

export const transitionResult = z.object({
  id: z.uuid(),
  status: actionStatus,
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  version: z.number().int(),
});

export const timelineItem = z.object({
  /** An ISO date for activities (their start), an ISO date-time for recorded events. */
  at: z.string(),
  kind: z.string().describe('`activity` or an event such as `action.started`, `deliverable.validated`'),
  subjectType: z.enum(['action', 'activity', 'deliverable', 'deployment']),
  subjectId: z.uuid().nullable(),
  label: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export const actionTimeline = z.object({ items: z.array(timelineItem) });
export type ActionTimeline = z.infer<typeof actionTimeline>;

export const partnerOrganisationList = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() })),
});
