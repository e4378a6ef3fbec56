import type { Readable } from 'node:stream';
import type { ExportAccountsQuery, ImportKind, ImportReport } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { exportAccountsCsv, type IterateAccounts } from './export-accounts';
import { CsvConflictError, importRecords, type ImportOptions, type OpenCsv } from './import-records';
import { importUsageEvents, type UsageEventsImportDeps, type UsageEventsImportOptions } from './import-usage-events';

export type ImportsService = ReturnType<typeof createImportsService>;

export function createImportsService({
  database,
  clock,
  iterateAccounts,
  usage,
  afterRecordsWritten = async () => {},
}: {
  database: Database;
  clock: Clock;
  iterateAccounts: IterateAccounts;
  usage: UsageEventsImportDeps;
  /** Runs once an import wrote accounts or contacts (the lifecycle's stage rules read both). */
  afterRecordsWritten?: (workspaceId: string) => Promise<unknown>;
}) {
  return {
    /**
     * Imports accounts or contacts from a CSV that `open` can read twice. Returns the report;
     * `report.refused` says nothing was written because of bad rows or a bad header.
     */
    async importCsv(workspaceId: string, kind: ImportKind, open: OpenCsv, options: ImportOptions = {}): Promise<ImportReport> {
      try {
        const report = await importRecords({ database, clock }, workspaceId, kind, open, options);
        if (report.written) await afterRecordsWritten(workspaceId);
        return report;
      } catch (error) {
        if (error instanceof CsvConflictError) throw new AppError('CONFLICT', error.message);
        throw error;
      }
    },

    /** Backfills historical usage events from an NDJSON or CSV stream (docs/usage-backfill.md). */
    importUsageEvents: (workspaceId: string, input: Readable, options: UsageEventsImportOptions) =>
      importUsageEvents(usage, workspaceId, input, options),

    /** The filtered account list as a CSV stream (BOM, formula-safe, re-importable). */
    exportAccountsCsv: (workspaceId: string, filter: ExportAccountsQuery) =>
      exportAccountsCsv({ database, iterateAccounts }, workspaceId, filter),
  };
}
