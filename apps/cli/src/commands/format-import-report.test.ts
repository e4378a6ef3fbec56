import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportReport } from '@northstar/contracts';
import { formatImportReport } from './format-import-report';

const base: ImportReport = {
  kind: 'accounts',
  dryRun: false,
  rowCount: 3,
  created: 1,
  updated: 1,
  unchanged: 0,
  skipped: 0,
  written: false,
  refused: true,
  errors: [{ row: 17, column: 'renewal_date', value: '31/02/2025', message: '"31/02/2025" is not a date' }],
  errorCount: 1,
  changes: [],
};

describe('formatImportReport', () => {
  it('says a refused import wrote nothing and lists errors as "row N, column C: …"', () => {
    const text = formatImportReport(base, 'a.csv');
    assert.match(text, /^Import of a.csv refused: nothing was written\./);
    assert.match(text, / {2}row 17, column renewal_date: "31\/02\/2025" is not a date\n/);
    assert.match(text, /--skip-bad-rows/);
    assert.doesNotMatch(text, /created/);
  });
  it('prints counts and, for a dry run, the changes', () => {
    const text = formatImportReport(
      { ...base, refused: false, dryRun: true, errors: [], errorCount: 0, changes: [{ row: 2, action: 'update', externalId: 'a-1', fields: ['arr'] }] },
      'a.csv',
    );
    assert.match(text, /created\s+1\n\s+updated\s+1/);
    assert.match(text, /row 2: update a-1 \(arr\)/);
  });
});
