import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { loadStoredDay, toSnapshotColumns, upsertSnapshotColumns, type SnapshotWrite } from './health-snapshots.repository';
import { isSnapshotUnchanged } from './is-snapshot-unchanged';

// The write path's round trip on a real database (PGlite by default, PostgreSQL with
// TEST_DATABASE_URL): rows encoded as array literals come back as written, and read back they
// count as unchanged, so the recompute skips sending them.
describe('health snapshots repository', () => {
  const clock = fixedClock(new Date('2026-05-01T12:00:00Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services);
  });
  after(() => t.close());

  const write = (accountId: string, extra: Partial<SnapshotWrite> = {}): SnapshotWrite => ({
    accountId,
    score: 61.4,
    outcome: 58.2,
    experience: null,
    band: 'yellow',
    coverage: 0.123456,
    scorecardId: 'default',
    scorecardVersion: 2,
    measuresJson: JSON.stringify([[44, 40, 0.35, 14, 22, 50], null, [-12.5, 0, 0.2, 0], [0.1 + 0.2, 99.9, 0.0417, 4.2]]),
    ...extra,
  });
  const upsert = (date: string, rows: SnapshotWrite[]) =>
    t.database.db.transaction((tx) => upsertSnapshotColumns(tx, ws.id, date, toSnapshotColumns(rows), clock.now()));

  it('stores every column as written, quotes and commas in text included, and reads the day back as unchanged', async () => {
    const accounts = await Promise.all(['A', 'B', 'C'].map((name) => t.services.accounts.createAccount(ws.id, { name })));
    const rows = [
      write(accounts[0]!.id),
      write(accounts[1]!.id, {
        score: null,
        outcome: null,
        band: null,
        coverage: 0,
        scorecardId: 'odd "id", with {braces} \\ and commas',
        measuresJson: '[null,null]',
      }),
      write(accounts[2]!.id, { score: 0.1, outcome: -3.5, experience: 100, band: 'green', coverage: 1, scorecardVersion: 17 }),
    ];
    await upsert('2026-05-01', rows);
    const stored = await loadStoredDay(t.database.db, ws.id, '2026-05-01', null, false);
    assert.equal(stored.same.size, 3);
    for (const row of rows) {
      const columns = stored.same.get(row.accountId)!.columns;
      assert.equal(columns.scorecardId, row.scorecardId);
      assert.equal(isSnapshotUnchanged(row, columns), true, `${row.scorecardId} reads back unchanged`);
      assert.equal(isSnapshotUnchanged({ ...row, scorecardVersion: row.scorecardVersion + 1 }, columns), false);
    }
    assert.equal(stored.same.get(accounts[0]!.id)!.columns.coverage, 0.1235, 'coverage kept to 4 decimals');
  });

  it('reads the day before as scores and bands only, and limits to the accounts asked for', async () => {
    const [a, b] = await Promise.all(['D', 'E'].map((name) => t.services.accounts.createAccount(ws.id, { name })));
    await upsert('2026-04-30', [write(a!.id, { score: 40.1, band: 'yellow' }), write(b!.id, { score: 20, band: 'red' })]);
    await upsert('2026-05-01', [write(a!.id, { score: 45, band: 'yellow' })]);
    const stored = await loadStoredDay(t.database.db, ws.id, '2026-05-01', [a!.id, b!.id], true);
    assert.deepEqual([...stored.same.keys()], [a!.id]);
    assert.equal(stored.same.get(a!.id)!.score, 45);
    assert.deepEqual(stored.previous.get(a!.id), { score: 40.1, band: 'yellow' });
    assert.deepEqual(stored.previous.get(b!.id), { score: 20, band: 'red' });
    const withoutPrevious = await loadStoredDay(t.database.db, ws.id, '2026-05-01', [a!.id, b!.id], false);
    assert.equal(withoutPrevious.previous.size, 0);
  });
});
