import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getTableColumns } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { testEngine } from '../../testing/test-database';
import { usageEvents } from './usage-events.table';

describe(`usage_events partitions on ${testEngine()}`, () => {
  const clock = fixedClock(new Date('2031-06-15T12:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Partitions Co');
  });
  after(() => t.close());

  const partitionOf = async (messageId: string) => {
    const { rows } = await t.database.query(
      'SELECT tableoid::regclass::text AS p FROM usage_events WHERE workspace_id = $1 AND message_id = $2',
      [ws.id, messageId],
    );
    return rows.map((r) => r.p);
  };

  it('keeps an event of a month without a partition in the default one, then moves it when the month is created', async () => {
    await t.services.usage.ingestEvents(ws.id, [
      { type: 'track', userId: 'u', event: 'Future', messageId: 'future-1' },
      { type: 'track', userId: 'u', event: 'Past', messageId: 'past-1', timestamp: '1999-02-03T04:05:06Z' },
    ]);
    assert.deepEqual(await partitionOf('future-1'), ['usage_events_default']);
    const created = await t.services.usage.ensurePartitions();
    assert.equal(created, 5, 'last month, this month and three ahead');
    assert.deepEqual(await partitionOf('future-1'), ['usage_events_y2031m06']);
    assert.deepEqual(await partitionOf('past-1'), ['usage_events_default']);
    assert.equal(await t.services.usage.ensurePartitions(), 0, 'a second run creates nothing');
    const { rows } = await t.database.query(`SELECT count(*)::int AS n FROM usage_events WHERE workspace_id = $1`, [ws.id]);
    assert.equal(rows[0]!.n, 2, 'moving rows lost or doubled none');
  });

  it('declares in drizzle exactly the columns the migration created', async () => {
    const { rows } = await t.database.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'usage_events' ORDER BY ordinal_position`,
    );
    const declared = Object.values(getTableColumns(usageEvents)).map((c) => c.name);
    assert.deepEqual(
      rows.map((r) => r.column_name),
      declared,
    );
  });
});
