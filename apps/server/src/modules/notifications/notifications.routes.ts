import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ListNotificationsQuerySchema, NotificationPageSchema, Uuid } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { NotificationsService } from './notifications.service';

const tags = ['notifications'];

export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Your in-app notifications, newest first, with the unread count',
          querystring: ListNotificationsQuerySchema,
          response: { 200: NotificationPageSchema },
        },
      },
      async (request) => service.listNotifications(requireActor(request), request.query),
    );
    app.post(
      '/notifications/:notificationId/read',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Mark one of your notifications read', params: Type.Object({ notificationId: Uuid }) },
      },
      async (request, reply) => {
        await service.markRead(requireActor(request), request.params.notificationId);
        return reply.status(204).send();
      },
    );
  };
}
