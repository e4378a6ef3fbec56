import type { SnapshotWrite, StoredColumns } from './health-snapshots.repository';
import { toMeasuresText, toStoredCoverage } from './stored-snapshot';

/**
 * Whether writing `write` over the stored row would leave every column as it is, by the upsert's
 * own rule (IS DISTINCT FROM on each): such a row need not be sent at all. Never true for a row
 * the upsert would change: a stored real reads back as its shortest decimal, which equals the
 * number written only when PostgreSQL would store that same real again; measures compare as the
 * jsonb's printed text, and the same text is the same jsonb.
 */
export function isSnapshotUnchanged(write: SnapshotWrite, stored: StoredColumns | undefined): boolean {
  return (
    stored !== undefined &&
    write.score === stored.score &&
    write.outcome === stored.outcome &&
    write.experience === stored.experience &&
    write.band === stored.band &&
    toStoredCoverage(write.coverage) === stored.coverage &&
    write.scorecardId === stored.scorecardId &&
    write.scorecardVersion === stored.scorecardVersion &&
    toMeasuresText(write.measuresJson) === stored.measuresText
  );
}
