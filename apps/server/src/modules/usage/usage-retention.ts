import type { Database } from '../../platform/db/database';

/**
 * Days a messageId is remembered for de-duplication. Segment also de-duplicates within a window,
 * not forever (its docs speak of a look-back of about a day), and client libraries stop retrying
 * within hours. 35 days is far wider: it also absorbs a mobile device that replays its queue
 * after weeks offline and a re-run of last month's backfill (docs/tracking-api.md).
 */
export const USAGE_DEDUP_RETENTION_DAYS = 35;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Deletes de-duplication keys claimed before the retention window, and keys of workspaces that no
 * longer exist. The table has no foreign key (it would tax every ingested event, ADR 0007).
 */
export async function pruneMessageIds(database: Database, today: string, retentionDays = USAGE_DEDUP_RETENTION_DAYS): Promise<number> {
  const cutoff = addDays(today, -retentionDays);
  const expired = await database.query('DELETE FROM usage_message_ids WHERE received_on < $1::date', [cutoff]);
  const orphaned = await database.query(
    'DELETE FROM usage_message_ids m WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = m.workspace_id)',
  );
  return (expired.affectedRows ?? 0) + (orphaned.affectedRows ?? 0);
}

/**
 * Deletes a workspace's raw events and de-duplication keys: neither table cascades from
 * workspaces (no foreign keys on the ingest path), so whoever deletes a workspace calls this.
 */
export async function deleteWorkspaceUsage(database: Database, workspaceId: string): Promise<{ events: number; messageIds: number }> {
  const events = await database.query('DELETE FROM usage_events WHERE workspace_id = $1', [workspaceId]);
  const messageIds = await database.query('DELETE FROM usage_message_ids WHERE workspace_id = $1', [workspaceId]);
  return { events: events.affectedRows ?? 0, messageIds: messageIds.affectedRows ?? 0 };
}
