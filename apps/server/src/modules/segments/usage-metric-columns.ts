import { sql } from 'drizzle-orm';
import { accounts } from '../accounts/accounts.schema';
import { addDays } from './calendar-date';
import type { MetricColumnMap } from './compile-filter-to-sql';

/**
 * Usage metrics as SQL over the rollups of the usage-analytics module, correlated with the
 * `accounts` row being filtered. The 30-day window is the 30 calendar days ending `today`, the
 * same window tiering's engagement and the account usage page use. Each subquery walks one
 * account's slice of a rollup primary key (workspace_id, account_id, day, …), so a filter costs an
 * index range scan per candidate account, never a scan of the rollups.
 */
export function buildUsageMetricColumns(today: string): MetricColumnMap {
  const from = addDays(today, -29);
  const owned = (alias: string) =>
    sql`${sql.raw(alias)}.workspace_id = ${accounts.workspaceId} and ${sql.raw(alias)}.account_id = ${accounts.id}`;
  const inWindow = (alias: string) => sql`${sql.raw(alias)}.day between ${from}::date and ${today}::date`;
  const activeUsers = sql`(select count(distinct ud.user_id) from usage_user_days ud where ${owned('ud')} and ${inWindow('ud')})`;
  return {
    activeUsers30d: activeUsers,
    // Percent of licensed seats; empty (null) for an account without seats.
    seatUtilisation: sql`(${activeUsers} * 100.0 / nullif(${accounts.licensedSeats}, 0))`,
    events30d: sql`(select coalesce(sum(d.events), 0) from usage_account_days d where ${owned('d')} and ${inWindow('d')})`,
    // Days since the last day with any activity; empty (null) for an account never seen.
    lastSeenDays: sql`(${today}::date - (select max(d.day) from usage_account_days d where ${owned('d')}))`,
  };
}
