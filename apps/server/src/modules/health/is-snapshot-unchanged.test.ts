import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SnapshotWrite, StoredColumns } from './health-snapshots.repository';
import { isSnapshotUnchanged } from './is-snapshot-unchanged';

const write: SnapshotWrite = {
  accountId: 'a1',
  score: 61.4,
  outcome: 58.2,
  experience: null,
  band: 'yellow',
  coverage: 0.85004,
  scorecardId: 'default',
  scorecardVersion: 2,
  measuresJson: '[[44,40,0.35,14,22,50],null,[-12.5,0,0.2,0]]',
};
// As PostgreSQL returns the row: coverage stored to 4 decimals, the jsonb printed with ", ".
const stored: StoredColumns = {
  score: 61.4,
  outcome: 58.2,
  experience: null,
  band: 'yellow',
  coverage: 0.85,
  scorecardId: 'default',
  scorecardVersion: 2,
  measuresText: '[[44, 40, 0.35, 14, 22, 50], null, [-12.5, 0, 0.2, 0]]',
};

describe('isSnapshotUnchanged', () => {
  it('finds a rewrite of the same values unchanged, coverage compared as stored (4 decimals)', () => {
    assert.equal(isSnapshotUnchanged(write, stored), true);
  });

  it('finds a row with nothing stored, or any column different, changed', () => {
    assert.equal(isSnapshotUnchanged(write, undefined), false);
    const changes: Partial<StoredColumns>[] = [
      { score: 61.5 },
      { score: null },
      { outcome: 58.1 },
      { experience: 0 },
      { band: 'green' },
      { band: null },
      { coverage: 0.8501 },
      { scorecardId: 'key-account' },
      { scorecardVersion: 1 },
      { measuresText: '[[44, 40, 0.35, 14, 22, 50], null, [-12.5, 0, 0.2, 0.1]]' },
      { measuresText: '[[44, 40, 0.35, 14], null, [-12.5, 0, 0.2, 0]]' },
    ];
    for (const change of changes) assert.equal(isSnapshotUnchanged(write, { ...stored, ...change }), false, JSON.stringify(change));
  });
});
