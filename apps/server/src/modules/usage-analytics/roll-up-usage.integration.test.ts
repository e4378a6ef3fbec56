import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

// Shanghai is UTC+8: 2026-03-02T16:30Z is 00:30 on Tuesday 3 March locally.
describe('usage rollups', () => {
  const clock = fixedClock(new Date('2026-03-05T12:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let accountId: string;
  let n = 0;

  const track = (userId: string, event: string, timestamp: string, properties: object = {}) => ({
    type: 'track',
    messageId: `m-${++n}`,
    userId,
    event,
    timestamp,
    properties,
    context: { groupId: 'acme' },
  });

  async function snapshot() {
    const days = await t.database.query(
      `SELECT day::text, events, active_users, hour_counts, event_counts FROM usage_account_days WHERE workspace_id = $1 ORDER BY day`,
      [ws.id],
    );
    const users = await t.database.query(
      `SELECT day::text, user_id, events, event_counts FROM usage_user_days WHERE workspace_id = $1 ORDER BY day, user_id`,
      [ws.id],
    );
    return { days: days.rows, users: users.rows };
  }

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Rollup Co');
    await t.services.workspaces.updateWorkspace(ws.id, { timezone: 'Asia/Shanghai' });
    await t.services.usage.ingestEvents(ws.id, [
      { type: 'group', messageId: 'g-1', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' }, timestamp: '2026-03-01T00:00:00Z' },
    ]);
    const { rows } = await t.database.query(`SELECT id FROM accounts WHERE workspace_id = $1 AND external_id = 'acme'`, [ws.id]);
    accountId = rows[0]!.id as string;
    await t.services.usage.ingestEvents(ws.id, [
      track('ann', 'Report Exported', '2026-03-02T15:59:00Z', { format: 'pdf' }), // 23:59 Monday 2 March local
      track('ann', 'Report Exported', '2026-03-02T16:30:00Z', { format: 'csv' }), // 00:30 Tuesday 3 March local
      track('bob', 'Dashboard Viewed', '2026-03-02T17:00:00Z'), // 01:00 Tuesday local
      { type: 'page', messageId: `m-${++n}`, userId: 'bob', name: 'Home', timestamp: '2026-03-03T01:00:00Z', context: { groupId: 'acme' } },
      { type: 'identify', messageId: `m-${++n}`, userId: 'cat', traits: { email: 'cat@acme.example' }, timestamp: '2026-03-03T01:00:00Z' },
    ]);
  });
  after(() => t.close());

  it('buckets events by local day and hour in the workspace time zone', async () => {
    const result = await t.services.usageAnalytics.rollUpNewEvents();
    assert.equal(result.accountDays, 2);
    const { days, users } = await snapshot();
    assert.deepEqual(
      days.map((d) => [d.day, d.events, d.active_users]),
      [
        ['2026-03-02', 1, 1],
        ['2026-03-03', 3, 2],
      ],
    );
    const tuesday = days[1]!;
    assert.equal((tuesday.hour_counts as number[])[0], 1);
    assert.equal((tuesday.hour_counts as number[])[1], 1);
    assert.equal((tuesday.hour_counts as number[])[9], 1);
    assert.deepEqual(tuesday.event_counts, { 'Report Exported': 1, 'Dashboard Viewed': 1, 'page:Home': 1 });
    assert.deepEqual(
      users.map((u) => [u.day, u.user_id, u.events]),
      [
        ['2026-03-02', 'ann', 1],
        ['2026-03-03', 'ann', 1],
        ['2026-03-03', 'bob', 2],
      ],
    );
  });

  it('gives the same numbers after a replayed batch, a late event and a rebuild', async () => {
    const before = await snapshot();
    // A replay: the same messageIds again; the ingest path absorbs them, the rollup is unchanged.
    clock.advance(60_000);
    await t.services.usage.ingestEvents(ws.id, [{ ...track('ann', 'Report Exported', '2026-03-02T15:59:00Z'), messageId: 'm-1' }]);
    await t.services.usageAnalytics.rollUpNewEvents();
    assert.deepEqual(await snapshot(), before);
    // Running again with nothing new changes nothing either.
    await t.services.usageAnalytics.rollUpNewEvents();
    assert.deepEqual(await snapshot(), before);

    // A late event for Monday arrives on Thursday: only its bucket moves.
    clock.advance(60_000);
    await t.services.usage.ingestEvents(ws.id, [track('dan', 'Dashboard Viewed', '2026-03-02T02:00:00Z')]);
    await t.services.usageAnalytics.rollUpNewEvents();
    const late = await snapshot();
    assert.deepEqual(late.days[0]!.events, 2);
    assert.deepEqual(late.days[0]!.active_users, 2);
    assert.deepEqual(late.days[1], before.days[1]);

    // A rebuild from the raw events agrees with the incremental result.
    await t.services.usageAnalytics.rebuildRollups({ from: '2026-02-20', to: '2026-03-10', workspaceId: ws.id });
    assert.deepEqual(await snapshot(), late);
    assert.ok(accountId);
  });
});
