import type { Database } from '../../platform/db/database';
import { addDays } from './calculate-local-date';

/**
 * Test data straight into the usage rollups (what the rollup job would have written), so health
 * tests control exactly which users were active on which day. Not a test file: imported by them.
 */
export async function insertUsageDays(
  database: Database,
  workspaceId: string,
  accountId: string,
  days: readonly { day: string; users: readonly string[]; events?: Record<string, number> }[],
): Promise<void> {
  for (const { day, users, events = {} } of days) {
    for (const user of users) {
      await database.query(
        `INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts) VALUES ($1, $2, $3, $4, 1, $5::jsonb)
         ON CONFLICT DO NOTHING`,
        [workspaceId, accountId, day, user, JSON.stringify(events)],
      );
    }
    const counts = Object.fromEntries(Object.entries(events).map(([name, n]) => [name, n * users.length]));
    await database.query(
      `INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
       VALUES ($1, $2, $3, $4, $5, $6::int[], $7::jsonb)`,
      [workspaceId, accountId, day, users.length, users.length, `{${Array(24).fill(0).join(',')}}`, JSON.stringify(counts)],
    );
  }
}

/** `count` consecutive days ending `last`, each with the same users and events. */
export function everyDay(last: string, count: number, users: readonly string[], events?: Record<string, number>) {
  return Array.from({ length: count }, (_, i) => ({ day: addDays(last, -i), users, ...(events ? { events } : {}) }));
}

/** n user ids: u1…un. */
export const userIds = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Every day from `from` to `to`, `users` users (u1…un) each active with the same events: two set-based statements. */
export async function insertUsageRange(
  database: Database,
  workspaceId: string,
  accountId: string,
  range: { from: string; to: string; users: number; events?: Record<string, number> },
): Promise<void> {
  const events = JSON.stringify(range.events ?? {});
  await database.query(
    `INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts)
     SELECT $1, $2, d::date, 'u' || u, 1, $6::jsonb FROM generate_series($3::date, $4::date, interval '1 day') d, generate_series(1, $5::int) u
     ON CONFLICT DO NOTHING`,
    [workspaceId, accountId, range.from, range.to, range.users, events],
  );
  await database.query(
    `INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
     SELECT $1, $2, d::date, $5::int, $5::int, array_fill(0, ARRAY[24]),
       coalesce((SELECT jsonb_object_agg(key, value::int * $5::int) FROM jsonb_each_text($6::jsonb)), '{}'::jsonb)
     FROM generate_series($3::date, $4::date, interval '1 day') d
     ON CONFLICT (workspace_id, account_id, day) DO NOTHING`,
    [workspaceId, accountId, range.from, range.to, range.users, events],
  );
}
