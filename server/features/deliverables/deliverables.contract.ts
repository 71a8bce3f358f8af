import { z } from 'zod';
import { fileInfo, languageCode } from '../../kernel/http/common.contract.ts';
import { deliverableStatuses, deliverableTypes, deliverableVisibilities } from './deliverables.values.ts';

export const deliverableType = z.enum(deliverableTypes);
export const deliverableStatus = z.enum(deliverableStatuses);
export const deliverableVisibility = z.enum(deliverableVisibilities);

const fields = {
  type: deliverableType,
  title: z.string().trim().min(1).max(300).describe('Stored in the language of Accept-Language'),
  summary: z.string().trim().max(4000),
  languages: z.array(languageCode).min(1).max(8),
  visibility: deliverableVisibility,
  expertIds: z.array(z.uuid()).max(20).describe('The experts who work on it'),
};

export const deliverableInput = z.strictObject(fields).partial({ summary: true, expertIds: true });
export type DeliverableInput = z.infer<typeof deliverableInput>;

export const deliverablePatch = z
  .strictObject(fields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'name at least one field to change' });
export type DeliverablePatch = z.infer<typeof deliverablePatch>;

export const deliverableListItem = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  actionName: z.string(),
  type: deliverableType,
  title: z.string(),
  languages: z.array(z.string()),
  status: deliverableStatus,
  visibility: deliverableVisibility,
  latestVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type DeliverableListItem = z.infer<typeof deliverableListItem>;
export const deliverableList = z.object({ items: z.array(deliverableListItem) });
export type DeliverableList = z.infer<typeof deliverableList>;

export const deliverableListQuery = z.strictObject({
  status: deliverableStatus.optional(),
  visibility: deliverableVisibility.optional(),
  type: deliverableType.optional(),
});
export type DeliverableListQuery = z.infer<typeof deliverableListQuery>;

export const deliverableVersion = z.object({
  number: z.number().int(),
  changeNote: z.string(),
  language: z.string().nullable(),
  file: fileInfo,
  uploadedBy: z.string().nullable(),
});

export const deliverableComment = z.object({
  id: z.uuid(),
  authorName: z.string(),
  authorRole: z.string(),
  versionNumber: z.number().int().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const deliverableDetail = deliverableListItem.extend({
  summary: z.string(),
  actionStatus: z.string(),
  versions: z.array(deliverableVersion),
  comments: z.array(deliverableComment),
  experts: z.array(z.object({ id: z.uuid(), fullName: z.string() })).describe('Staff and steering only'),
  validatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type DeliverableDetail = z.infer<typeof deliverableDetail>;

export const commentBody = z.strictObject({
  body: z.string().trim().min(1).max(4000),
  versionNumber: z.number().int().min(1).optional(),
});

export const versionFileParams = z.strictObject({
  id: z.uuid({ error: 'must be a UUID' }),
  number: z.coerce.number().int().min(1),
});

export const deliverableVerbs = ['submit-for-review', 'validate', 'request-changes', 'publish'] as const;
export type DeliverableVerb = (typeof deliverableVerbs)[number];
export const requestChangesBody = z.strictObject({ reason: z.string().trim().min(1).max(4000) });
