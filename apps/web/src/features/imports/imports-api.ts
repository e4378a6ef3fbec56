import type { DateFormat, ImportKind, ImportReport } from '@northstar/contracts';
import { ApiError, api } from '../../api/client';

export type ImportOptions = { dryRun: boolean; skipBadRows: boolean; dateFormat: DateFormat };

/**
 * Sends the CSV file as is. A refused import answers 422 with the full report beside the error:
 * that report is the answer the wizard shows, so it is returned rather than thrown.
 */
export async function runImport(kind: ImportKind, csv: string, options: ImportOptions): Promise<ImportReport> {
  try {
    return await api.post<ImportReport>(`/imports/${kind}`, csv, {
      contentType: 'text/csv',
      query: { dryRun: options.dryRun, skipBadRows: options.skipBadRows, dateFormat: options.dateFormat },
    });
  } catch (error) {
    const report = error instanceof ApiError && error.status === 422 ? (error.body as { report?: ImportReport } | null)?.report : undefined;
    if (report) return report;
    throw error;
  }
}
