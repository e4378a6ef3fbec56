import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { ApiKeysService } from '../api-keys';
import { createGroupCommit, OverloadedError } from './group-commit';
import { parseTrackingEvent, type EventEnvelope } from './parse-tracking-event';
import { calculateMessageKey, createUsageEventWriter, type IngestRow } from './write-usage-events';
import { deleteWorkspaceUsage, pruneMessageIds } from './usage-retention';

export type UsageService = ReturnType<typeof createUsageService>;

export type RejectedEvent = { index: number; reason: string };
export type IngestResult = { accepted: number; rejected: RejectedEvent[] };

export type UsageOptions = {
  /** Rows accepted but not yet committed before requests get 503 (memory bound). */
  maxInFlightEvents?: number;
  maxEventsPerFlush?: number;
  /** How long a verified write key is trusted without asking the database again. */
  writeKeyCacheMs?: number;
};

export { OverloadedError };

/**
 * Usage ingestion: write-key authentication and the one path every event takes into storage
 * (tracking API, and later backfills and demo data), through group commit.
 */
export function createUsageService({
  database,
  clock,
  apiKeys,
  options = {},
}: {
  database: Database;
  clock: Clock;
  apiKeys: Pick<ApiKeysService, 'authenticate'>;
  options?: UsageOptions;
}) {
  const writer = createUsageEventWriter({ database, clock });
  const commits = createGroupCommit<IngestRow>({
    write: writer.write,
    // PGlite is one connection; on PostgreSQL two writers keep both cores busy (STACK.md).
    writers: database.engine === 'pglite' ? 1 : 2,
    maxRowsPerFlush: options.maxEventsPerFlush ?? 5_000,
    maxInFlightRows: options.maxInFlightEvents ?? 50_000,
    minRowsForParallelFlush: 1_000,
  });
  const keyCacheMs = options.writeKeyCacheMs ?? 10_000;
  const verifiedKeys = new Map<string, { workspaceId: string; at: number }>();

  /**
   * The workspace a write key belongs to. Throws 401: AUTH_REQUIRED without a key,
   * AUTH_INVALID_CREDENTIALS for an unknown one, AUTH_TOKEN_REVOKED for a revoked one (a key
   * verified in the last writeKeyCacheMs is trusted until that time passes).
   */
  async function authenticateWriteKey(secret: string | undefined): Promise<string> {
    if (!secret) {
      throw new AppError('AUTH_REQUIRED', 'Write key required: send it as the HTTP Basic username or as writeKey in the body');
    }
    const now = clock.now().getTime();
    const hit = verifiedKeys.get(secret);
    if (hit && now - hit.at < keyCacheMs) return hit.workspaceId;
    verifiedKeys.delete(secret);
    const key = await apiKeys.authenticate(secret, 'write_key');
    if (!key) throw new AppError('AUTH_INVALID_CREDENTIALS', 'Unknown write key');
    if (verifiedKeys.size > 10_000) verifiedKeys.clear();
    verifiedKeys.set(secret, { workspaceId: key.workspaceId, at: now });
    return key.workspaceId;
  }

  /**
   * Validates and stores events for a workspace; resolves once the valid ones are committed.
   * Invalid events are reported by index and skipped; a messageId already stored is accepted
   * and not stored again. Throws OverloadedError when too many events are waiting.
   */
  async function ingestEvents(
    workspaceId: string,
    events: unknown[],
    envelope: Omit<EventEnvelope, 'receivedAt'> & { receivedAt?: Date } = {},
  ): Promise<IngestResult> {
    const receivedAt = envelope.receivedAt ?? clock.now();
    const rows: IngestRow[] = [];
    const rejected: RejectedEvent[] = [];
    events.forEach((raw, index) => {
      const parsed = parseTrackingEvent(raw, { ...envelope, receivedAt });
      if (!parsed.ok) rejected.push({ index, reason: parsed.reason });
      else rows.push(Object.assign(parsed.event, { workspaceId, messageKey: calculateMessageKey(workspaceId, parsed.event.messageId) }));
    });
    await commits.submit(rows);
    return { accepted: rows.length, rejected };
  }

  return {
    authenticateWriteKey,
    ingestEvents,
    /** Events accepted but not yet committed. */
    inFlightEvents: () => commits.inFlightRows(),
    /** Waits until every event submitted so far is written: call before closing the database. */
    drain: () => commits.drain(),
    /** Forgets de-duplication keys older than the retention window (USAGE_DEDUP_RETENTION_DAYS) or of deleted workspaces. */
    pruneMessageIds: (retentionDays?: number) => pruneMessageIds(database, clock.now().toISOString().slice(0, 10), retentionDays),
    /** Deletes a workspace's raw events and keys, which do not cascade; call when deleting a workspace. */
    deleteWorkspaceUsage: (workspaceId: string) => deleteWorkspaceUsage(database, workspaceId),
    /** Creates usage_events' monthly partitions for last month to `monthsAhead` months ahead. */
    async ensurePartitions(monthsAhead = 3): Promise<number> {
      const now = clock.now();
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
      const { rows } = await database.query('SELECT usage_ensure_partitions($1::date, $2) AS created', [from, monthsAhead + 2]);
      return Number(rows[0]?.created ?? 0);
    },
  };
}
