import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database';
import type { EventCursor } from './calculate-event-cursor';

type UserRow = {
  user_id: string;
  account_id: string | null;
  traits: Record<string, unknown>;
  first_seen_at: string;
  last_seen_at: string;
  events30d: number;
  last_day: string | null;
};

const toUser = (r: UserRow) => ({
  userId: r.user_id,
  accountId: r.account_id,
  traits: r.traits,
  firstSeenAt: new Date(r.first_seen_at).toISOString(),
  lastSeenAt: new Date(r.last_seen_at).toISOString(),
  events30d: Number(r.events30d),
  lastActiveDate: r.last_day,
});

/** Product users (usage_users) with their recent activity from the per-user-day rollup. */
export function createProductUsersRepository(db: Db) {
  const select = (since: string) => sql`SELECT u.user_id, u.account_id, u.traits, u.first_seen_at::text, u.last_seen_at::text,
      coalesce(d.events, 0)::int AS events30d, d.last_day::text AS last_day
    FROM usage_users u
    LEFT JOIN LATERAL (SELECT sum(events) FILTER (WHERE day >= ${since}::date) AS events, max(day) AS last_day FROM usage_user_days ud
      WHERE ud.workspace_id = u.workspace_id AND ud.user_id = u.user_id AND (u.account_id IS NULL OR ud.account_id = u.account_id)) d ON true`;
  return {
    async listAccountUsers(workspaceId: string, accountId: string, since: string) {
      const rows = await queryRows<UserRow>(
        db,
        sql`${select(since)} WHERE u.workspace_id = ${workspaceId}::uuid AND u.account_id = ${accountId}::uuid
            ORDER BY d.last_day DESC NULLS LAST, u.last_seen_at DESC LIMIT 500`,
      );
      return rows.map(toUser);
    },

    async findUser(workspaceId: string, userId: string, since: string) {
      const rows = await queryRows<UserRow>(
        db,
        sql`${select(since)} WHERE u.workspace_id = ${workspaceId}::uuid AND u.user_id = ${userId}`,
      );
      return rows[0] ? toUser(rows[0]) : undefined;
    },

    /** The name of a live account, for the user page's link back. */
    async findAccountName(workspaceId: string, accountId: string): Promise<string | null> {
      const rows = await queryRows<{ name: string }>(
        db,
        sql`SELECT name FROM accounts WHERE workspace_id = ${workspaceId}::uuid AND id = ${accountId}::uuid AND deleted_at IS NULL`,
      );
      return rows[0]?.name ?? null;
    },

    /** Activity events per local day (over every account the user was counted for). */
    async listDailyEvents(workspaceId: string, userId: string, range: { from: string; to: string }) {
      const rows = await queryRows<{ day: string; events: number }>(
        db,
        sql`SELECT day::text AS day, sum(events)::int AS events FROM usage_user_days
            WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId} AND day BETWEEN ${range.from}::date AND ${range.to}::date
            GROUP BY day`,
      );
      return rows.map((r) => ({ day: r.day, events: Number(r.events) }));
    },

    /**
     * One page (limit + 1 rows) of the user's events since `since`, newest first, after the cursor.
     * usage_events has no index on user_id (it would tax ingestion), so the scan is bounded to
     * the last 90 days of partitions through the BRIN on time.
     */
    async listRecentEvents(workspaceId: string, userId: string, since: Date, after: EventCursor | undefined, limit: number) {
      const key = sql`to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
      const rows = await queryRows<{
        type: string;
        event: string | null;
        name: string | null;
        timestamp: string;
        message_id: string;
        properties: Record<string, unknown> | null;
      }>(
        db,
        sql`SELECT type, event, name, ${key} AS timestamp, message_id, properties FROM usage_events
            WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId} AND "timestamp" >= ${since.toISOString()}::timestamptz
              ${after ? sql`AND ("timestamp", message_id) < (${after.timestamp}::timestamptz, ${after.messageId})` : sql``}
            ORDER BY "timestamp" DESC, message_id DESC LIMIT ${limit + 1}`,
      );
      return rows.map((r) => ({
        type: r.type,
        name: r.event ?? r.name,
        timestamp: new Date(r.timestamp).toISOString(),
        properties: r.properties,
        cursor: { timestamp: r.timestamp, messageId: r.message_id },
      }));
    },
  };
}
