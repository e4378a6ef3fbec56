import type { ListNotificationsQuery, Notification, NotificationPage } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { decodeFeedCursor, encodeFeedCursor } from '../timeline';
import { createNotificationsRepository, insertNotifications, type NewNotification, type NotificationRow } from './notifications.repository';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

const DEFAULT_PAGE_SIZE = 50;

function toNotificationDto(row: NotificationRow): Notification {
  const { createdAtMicros: _cursor, ...notification } = row;
  return notification;
}

/** In-app notifications: each member reads and clears their own. */
export function createNotificationsService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createNotificationsRepository(database.db);
  return {
    /** Sends notifications now (outside any caller transaction). */
    async notify(workspaceId: string, items: readonly NewNotification[]): Promise<void> {
      await insertNotifications(database.db, workspaceId, items, clock.now());
    },

    /** The member's notifications, newest first, with their unread count. */
    async listNotifications(member: { workspaceId: string; userId: string }, query: ListNotificationsQuery): Promise<NotificationPage> {
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      let after: { at: string; id: string } | undefined;
      if (query.cursor !== undefined) {
        after = decodeFeedCursor(query.cursor);
        if (!after) {
          throw new AppError('VALIDATION_FAILED', 'Invalid cursor', [
            { field: 'cursor', location: 'querystring', problem: 'is not a cursor from a previous page' },
          ]);
        }
      }
      const [rows, unreadCount] = await Promise.all([
        repo.listNotifications(member.workspaceId, member.userId, { ...(query.unread ? { unread: true } : {}) }, after, limit),
        repo.countUnread(member.workspaceId, member.userId),
      ]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toNotificationDto),
        nextCursor: rows.length > limit && last ? encodeFeedCursor({ at: last.createdAtMicros, id: last.id }) : null,
        unreadCount,
      };
    },

    /** Marks one of the member's own notifications read; anyone else's is not found. */
    async markRead(member: { workspaceId: string; userId: string }, id: string): Promise<void> {
      if (!(await repo.markRead(member.workspaceId, member.userId, id, clock.now()))) {
        throw new AppError('NOTIFICATION_NOT_FOUND', 'Notification not found');
      }
    },
  };
}
