import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import {
  notificationList,
  notificationListQuery,
  notificationSettingsBody,
  unreadCount,
} from './notifications.contract.ts';
import { listNotifications, markRead, readSettings, saveSettings } from './notifications.service.ts';

export function notificationsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  api.get(
    '/api/notifications',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The caller’s notifications, newest first, with the number unread',
        querystring: notificationListQuery,
        response: { 200: notificationList, 400: errorBody, 401: errorBody },
      },
    },
    (request) => listNotifications(db, request.actor, request.query),
  );

  api.post(
    '/api/notifications/:id/read',
    {
      config: { access: access.ownedRecord },
      schema: {
        tags,
        summary: 'Marks one notification as read',
        params: uuidParam,
        response: { 200: unreadCount, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    (request) => markRead(db, request.actor, request.params.id),
  );

  api.post(
    '/api/notifications/read-all',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Marks all the caller’s notifications as read',
        response: { 200: unreadCount, 401: errorBody },
      },
    },
    (request) => markRead(db, request.actor, 'all'),
  );

  api.get(
    '/api/notifications/settings',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The language of the caller’s notification mails',
        response: { 200: notificationSettingsBody, 401: errorBody },
      },
    },
    (request) => readSettings(db, request.actor),
  );

  api.put(
    '/api/notifications/settings',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Sets the language of the caller’s notification mails',
        body: notificationSettingsBody,
        response: { 200: notificationSettingsBody, 400: errorBody, 401: errorBody },
      },
    },
    (request) => saveSettings(db, request.actor, request.body),
  );
}
