import { z } from 'zod';
import { paginationQuery } from '../../kernel/http/common.contract.ts';
import { LANGUAGES } from '../../kernel/localized.ts';
import { notificationKinds } from './mail-catalog.ts';

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  ...paginationQuery,
});

export const notificationItem = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const unreadCount = z.object({ unread: z.number().int() });

export const notificationSettingsBody = z.strictObject({ language: z.enum(LANGUAGES) });
export type NotificationSettingsBody = z.infer<typeof notificationSettingsBody>;
