import { z } from 'zod';
import {
  countryCode,
  fileInfo,
  isoDate,
  languageCode,
  pageOf,
  shortCode,
} from '../../kernel/http/common.contract.ts';
import { actionStatus } from '../actions/actions.contract.ts';
import { deploymentView } from '../experts/deployments.contract.ts';
import { activityModalities, activityStatuses, activityTypes } from './activities.values.ts';

export const activityType = z.enum(activityTypes);
export const activityModality = z.enum(activityModalities);
export const activityStatus = z.enum(activityStatuses);

const fields = {
  type: activityType,
  title: z.string().trim().min(1).max(300).describe('Stored in the language of Accept-Language'),
  startDate: isoDate,
  endDate: isoDate,
  modality: activityModality,
  city: z.string().trim().min(1).max(120).nullable(),
  countryCode: countryCode.nullable(),
  workingLanguages: z.array(languageCode).min(1).max(6),
  agenda: z.string().trim().max(20_000),
};

type Dated = { startDate?: string; endDate?: string };
const datesInOrder = (a: Dated) => !a.startDate || !a.endDate || a.startDate <= a.endDate;
type Located = { modality?: string; city?: string | null; countryCode?: string | null };
const placed = (a: Located) => a.modality === undefined || a.modality === 'online' || Boolean(a.countryCode);

export const activityInput = z
  .strictObject({ ...fields, city: fields.city.optional(), countryCode: fields.countryCode.optional() })
  .extend({ agenda: fields.agenda.optional() })
  .refine(datesInOrder, { error: 'must not be before the start date', path: ['endDate'] })
  .refine(placed, { error: 'is required for an activity held in person or hybrid', path: ['countryCode'] });
export type ActivityInput = z.infer<typeof activityInput>;

export const activityPatch = z
  .strictObject(fields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'name at least one field to change' })
  .refine(datesInOrder, { error: 'must not be before the start date', path: ['endDate'] });
export type ActivityPatch = z.infer<typeof activityPatch>;

export const activityListItem = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  actionName: z.string(),
  type: activityType,
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  modality: activityModality,
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  workingLanguages: z.array(z.string()),
  status: activityStatus,
  expertCount: z.number().int(),
});
export type ActivityListItem = z.infer<typeof activityListItem>;
export const activityList = z.object({ items: z.array(activityListItem) });

export const activityDetail = activityListItem.extend({
  actionStatus,
  agenda: z.string(),
  statusReason: z.string().nullable(),
  report: z
    .object({ summary: z.string(), file: fileInfo.nullable(), reportedAt: z.string().nullable() })
    .nullable(),
  deployments: z.array(deploymentView),
  version: z.number().int(),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

/** The portfolio calendar: activities across the Actions the caller may see. */
export const calendarQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    region: shortCode.optional(),
    country: countryCode.optional(),
    topic: shortCode.optional(),
    type: activityType.optional(),
    status: activityStatus.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(200),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'must not be before from', path: ['to'] });
export type CalendarQuery = z.infer<typeof calendarQuery>;
export const calendarPage = pageOf(activityListItem);
export type CalendarPage = z.infer<typeof calendarPage>;

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const activityVerbs = ['confirm', 'hold', 'postpone', 'cancel'] as const;
