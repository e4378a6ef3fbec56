import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { ApiKeysService } from '../api-keys';
import os from 'node:os';
import { createGroupCommit, OverloadedError } from './group-commit';
import type { EventEnvelope } from './parse-tracking-event';
import { prepareEvents, type PreparedRequest, type RejectedEvent } from './prepare-events';
import { prepareTrackingRequest, type TrackingEndpoint } from './prepare-tracking-request';
import { preparedCount, type PreparedEvents } from './prepared-events';
import { decodeTrackingBody, readHeaderWriteKey, readWriteKey } from './read-tracking-body';
import { createTrackingWorkerPool } from './tracking-worker-pool';
import { createUsageEventWriter } from './write-usage-events';
import { deleteWorkspaceUsage, pruneMessageIds } from './usage-retention';

export type UsageService = ReturnType<typeof createUsageService>;

export type { RejectedEvent };
export type IngestResult = { accepted: number; rejected: RejectedEvent[] };

export type UsageOptions = {
  /** Rows accepted but not yet committed before requests get 503 (memory bound). */
  maxInFlightEvents?: number;
  maxEventsPerFlush?: number;
  /** How long a verified write key is trusted without asking the database again. */
  writeKeyCacheMs?: number;
  /**
   * Worker threads that prepare large requests (0: all on the main thread). Default: one per
   * core, at most 4 (NORTHSTAR_INGEST_WORKERS overrides).
   */
  ingestWorkers?: number;
};

/** A tracking API request as it arrived. */
export type TrackingRequest = {
  body: Buffer | undefined;
  contentEncoding: string | undefined;
  authorization: string | undefined;
  endpoint: TrackingEndpoint;
};

// Below this size a request is prepared on the main thread: handing it over would cost more.
const WORKER_MIN_BYTES = 16 * 1024;
/**
 * The longest a request waits for a writer before it is refused with 503 (its client retries):
 * a bound on acknowledgement latency under overload, and on how far settled_until (the
 * watermark health rescoring follows, SETTLE_MARGIN_MS) can run ahead of commits.
 */
export const INGEST_MAX_QUEUE_MS = 10_000;

function defaultWorkerCount(): number {
  const configured = process.env.NORTHSTAR_INGEST_WORKERS;
  if (configured !== undefined && configured !== '') return Math.max(0, Math.floor(Number(configured)) || 0);
  return Math.min(4, os.availableParallelism());
}

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
  const commits = createGroupCommit<PreparedEvents>({
    write: writer.write,
    weight: preparedCount,
    // PGlite is one connection. On PostgreSQL a third writer fills the ~3 ms each commit's WAL
    // flush leaves idle (bench:ingest: ~10% more events/s than two, on two cores).
    writers: database.engine === 'pglite' ? 1 : 3,
    maxRowsPerFlush: options.maxEventsPerFlush ?? 5_000,
    maxInFlightRows: options.maxInFlightEvents ?? 50_000,
    maxQueueMs: INGEST_MAX_QUEUE_MS,
    minRowsForParallelFlush: 500,
  });
  const keyCacheMs = options.writeKeyCacheMs ?? 10_000;
  const workerCount = options.ingestWorkers ?? defaultWorkerCount();
  const workers = workerCount > 0 ? createTrackingWorkerPool(workerCount) : null;
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

  async function store(prepared: PreparedRequest): Promise<IngestResult> {
    await commits.submit([prepared.events]);
    return { accepted: preparedCount(prepared.events), rejected: prepared.rejected };
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
    return store(prepareEvents(workspaceId, events, { ...envelope, receivedAt: envelope.receivedAt ?? clock.now() }));
  }

  /**
   * A tracking API request, end to end: authenticates it, decodes and validates its events (on a
   * worker thread when it is large and its key is in the header) and stores them. Resolves once
   * they are committed; throws 400/401/415 as AppError, OverloadedError when too many wait.
   */
  async function ingestRequest(request: TrackingRequest): Promise<IngestResult> {
    const receivedAt = clock.now();
    const headerKey = readHeaderWriteKey(request.authorization);
    if (headerKey) {
      const workspaceId = await authenticateWriteKey(headerKey);
      if (workers && request.body && request.body.length >= WORKER_MIN_BYTES) {
        const prepared = await workers.prepare({
          body: request.body,
          contentEncoding: request.contentEncoding,
          endpoint: request.endpoint,
          workspaceId,
          receivedAtMs: receivedAt.getTime(),
        });
        return store(prepared);
      }
      const { body, noUnicodeEscapes } = await decodeTrackingBody(request.body, { 'content-encoding': request.contentEncoding });
      return store(prepareTrackingRequest(body, request.endpoint, workspaceId, receivedAt, noUnicodeEscapes));
    }
    // The key is in the body (analytics.js): decode first.
    const { body, noUnicodeEscapes } = await decodeTrackingBody(request.body, { 'content-encoding': request.contentEncoding });
    const workspaceId = await authenticateWriteKey(readWriteKey(request.authorization, body));
    return store(prepareTrackingRequest(body, request.endpoint, workspaceId, receivedAt, noUnicodeEscapes));
  }

  return {
    authenticateWriteKey,
    ingestEvents,
    ingestRequest,
    /** Events accepted but not yet committed. */
    inFlightEvents: () => commits.inFlightRows(),
    /** Waits until every event submitted so far is written: call before closing the database. */
    drain: () => commits.drain(),
    /** Starts the ingest worker threads now rather than on the first large request. */
    startWorkers: () => workers?.startAll(),
    /** Stops the ingest worker threads (after drain). */
    close: async () => {
      await workers?.close();
    },
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
