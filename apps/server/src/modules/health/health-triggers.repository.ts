import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database';

/** The usage rollup's watermark: events received up to it are in the rollups (see usage-analytics). */
export async function findUsageWatermark(db: Db): Promise<string | null> {
  const rows = await queryRows<{ settled: string }>(
    db,
    sql`SELECT settled_until::text AS settled FROM usage_rollup_state WHERE name = 'usage.rollup'`,
  );
  return rows[0]?.settled ?? null;
}

/**
 * Accounts with events received in (after, until], per workspace: the accounts a rollup run
 * touched. received_at has a BRIN index, so this reads only the new events' blocks.
 */
export async function listAccountsWithNewUsage(db: Db, after: string, until: string): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ workspace_id: string; account_id: string }>(
    db,
    sql`SELECT DISTINCT workspace_id::text AS workspace_id, account_id::text AS account_id FROM usage_events
        WHERE received_at > ${after}::timestamptz AND received_at <= ${until}::timestamptz AND account_id IS NOT NULL`,
  );
  const byWorkspace = new Map<string, string[]>();
  for (const r of rows) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.account_id]);
  return byWorkspace;
}
