import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database';
import { allOf, isoMicros, isoMillis } from '../../platform/db/sql-fragments';
import { notifications } from './notifications.schema';

export type NewNotification = {
  userId: string;
  message: string;
  accountId?: string | null;
  playbookRunId?: string | null;
  ruleId?: string | null;
};

export type NotificationRow = {
  id: string;
  message: string;
  accountId: string | null;
  accountName: string | null;
  playbookRunId: string | null;
  createdAt: string;
  readAt: string | null;
  createdAtMicros: string;
};

/** Sends in-app notifications inside the caller's transaction. */
export async function insertNotifications(db: Db, workspaceId: string, items: readonly NewNotification[], at: Date): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    await db.insert(notifications).values(
      items.slice(i, i + 500).map((n) => ({
        workspaceId,
        userId: n.userId,
        message: n.message,
        accountId: n.accountId ?? null,
        playbookRunId: n.playbookRunId ?? null,
        ruleId: n.ruleId ?? null,
        createdAt: at,
      })),
    );
  }
}

/** SQL for one member's notifications; every method takes workspaceId and the member. */
export function createNotificationsRepository(db: Db) {
  return {
    async listNotifications(
      workspaceId: string,
      userId: string,
      filter: { unread?: boolean },
      after: { at: string; id: string } | undefined,
      limit: number,
    ): Promise<NotificationRow[]> {
      const c = [sql`n.workspace_id = ${workspaceId}::uuid`, sql`n.user_id = ${userId}::uuid`];
      if (filter.unread) c.push(sql`n.read_at IS NULL`);
      if (after) c.push(sql`(n.created_at, n.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
      const rows = await queryRows<Record<string, string | null>>(
        db,
        sql`SELECT n.id, n.message, n.account_id, a.name AS account_name, n.playbook_run_id,
              ${isoMillis(sql`n.created_at`)} AS created_at, ${isoMillis(sql`n.read_at`)} AS read_at, ${isoMicros(sql`n.created_at`)} AS created_at_micros
            FROM notifications n LEFT JOIN accounts a ON a.workspace_id = n.workspace_id AND a.id = n.account_id
            WHERE ${allOf(c)} ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit + 1}`,
      );
      return rows.map((r) => ({
        id: r.id!,
        message: r.message!,
        accountId: r.account_id ?? null,
        accountName: r.account_name ?? null,
        playbookRunId: r.playbook_run_id ?? null,
        createdAt: r.created_at!,
        readAt: r.read_at ?? null,
        createdAtMicros: r.created_at_micros!,
      }));
    },

    async countUnread(workspaceId: string, userId: string): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId}::uuid AND read_at IS NULL`,
      );
      return Number(rows[0]?.n ?? 0);
    },

    /** Marks one of the member's notifications read (keeping the first read time); false if not theirs. */
    async markRead(workspaceId: string, userId: string, id: string, at: Date): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE notifications SET read_at = coalesce(read_at, ${at.toISOString()}::timestamptz)
            WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId}::uuid AND id = ${id}::uuid RETURNING id`,
      );
      return rows.length > 0;
    },
  };
}
