import type { Readable } from 'node:stream';
import { retryWhenOverloaded, type IngestResult } from '../usage';
import { readEventRecords, type EventFileFormat } from './read-event-records';

/** What a backfill needs from ingestion and rollups: the tracking API's own path. */
export type UsageEventsImportDeps = {
  ingestEvents: (workspaceId: string, events: unknown[]) => Promise<IngestResult>;
  rollUpNewEvents: () => Promise<{ accountDays: number; userDays: number }>;
};

export type UsageEventsImportOptions = {
  format: EventFileFormat;
  /** Messages per ingestEvents call; ~1,000 keeps memory flat and each commit large. */
  batchSize?: number;
  /** Called after each batch is committed, with the running totals. */
  onBatch?: (totals: { records: number; accepted: number; rejected: number }) => void;
};

export type UsageEventsImportReport = {
  format: EventFileFormat;
  /** Non-blank lines (NDJSON) or data rows (CSV) read. */
  records: number;
  /** Stored now or already stored by an earlier run (same messageId): a re-run is harmless. */
  accepted: number;
  rejected: number;
  /** The first MAX_REPORTED_ERRORS rejected records, by line number. */
  errors: { line: number; reason: string }[];
  rollup: { accountDays: number; userDays: number };
};

const MAX_REPORTED_ERRORS = 1_000;

/**
 * Backfills historical events from an NDJSON or CSV stream: batches go through the tracking
 * API's validation and storage (de-duplicated by messageId, so a re-run stores nothing twice),
 * rejected records are reported by line, and the rollups are brought up to date at the end.
 */
export async function importUsageEvents(
  deps: UsageEventsImportDeps,
  workspaceId: string,
  input: Readable,
  options: UsageEventsImportOptions,
): Promise<UsageEventsImportReport> {
  const batchSize = options.batchSize ?? 1_000;
  const report: UsageEventsImportReport = {
    format: options.format,
    records: 0,
    accepted: 0,
    rejected: 0,
    errors: [],
    rollup: { accountDays: 0, userDays: 0 },
  };
  const reject = (line: number, reason: string) => {
    report.rejected++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, reason });
  };

  let batch: { line: number; message: Record<string, unknown> }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const messages = batch.map((b) => b.message);
    const result = await retryWhenOverloaded(() => deps.ingestEvents(workspaceId, messages));
    report.accepted += result.accepted;
    for (const { index, reason } of result.rejected) reject(batch[index]?.line ?? 0, reason);
    batch = [];
    options.onBatch?.({ records: report.records, accepted: report.accepted, rejected: report.rejected });
  };

  for await (const record of readEventRecords(input, options.format)) {
    report.records++;
    if ('error' in record) {
      reject(record.line, record.error);
      continue;
    }
    // Clock-skew correction (timestamp shifted by receivedAt − sentAt) is for live traffic: for
    // history it would move every event to the time of the import. Timestamps are taken as given.
    const { sentAt: _sentAt, ...message } = record.message;
    batch.push({ line: record.line, message });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  // Incremental rollup: it picks up events by received_at, i.e. exactly those just stored,
  // whatever their dates, so the backfilled days show in the usage API when this returns.
  const rollup = await deps.rollUpNewEvents();
  report.rollup = { accountDays: rollup.accountDays, userDays: rollup.userDays };
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}
