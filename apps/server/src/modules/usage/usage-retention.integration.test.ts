import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp } from '../../testing/test-app';
import { USAGE_DEDUP_RETENTION_DAYS } from './usage-retention';
import { calculateMessageKey } from './write-usage-events';

// usage_events and usage_message_ids have no foreign keys (ADR 0007): workspace deletion and a
// retention window must clean them up explicitly.
describe('usage housekeeping', () => {
  const clock = fixedClock(new Date('2026-03-20T12:00:00.000Z'));
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  const count = async (table: string, workspaceId: string) =>
    Number((await t.database.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId])).rows[0]!.n);
  const track = (messageId: string) => ({ type: 'track', messageId, userId: 'u1', event: 'Opened', timestamp: '2026-03-20T10:00:00Z' });

  it(`forgets de-duplication keys after ${USAGE_DEDUP_RETENTION_DAYS} days, and only then accepts the id again`, async () => {
    const ws = await createTestWorkspace(t.services, 'Retention Co');
    await t.services.usage.ingestEvents(ws.id, [track('old'), track('recent')]);
    const ageKey = (messageId: string, date: string) =>
      t.database.query('UPDATE usage_message_ids SET received_on = $2::date WHERE message_key = $1::uuid', [
        calculateMessageKey(ws.id, messageId),
        date,
      ]);
    // 36 and 35 days before 2026-03-20: only the first is outside the window.
    await ageKey('old', '2026-02-12');
    await ageKey('recent', '2026-02-13');
    const pruned = await t.services.usage.pruneMessageIds();
    assert.ok(pruned >= 1);
    const keys = (await t.database.query('SELECT message_key::text AS k FROM usage_message_ids WHERE workspace_id = $1', [ws.id])).rows.map(
      (r) => r.k,
    );
    assert.deepEqual(keys, [calculateMessageKey(ws.id, 'recent')]);
    // Within the window a retry is still absorbed; past it the id counts as new.
    await t.services.usage.ingestEvents(ws.id, [track('old'), track('recent')]);
    assert.equal(await count('usage_events', ws.id), 3);
  });

  it('deletes a workspace’s raw events and keys with the workspace, leaving other workspaces’ alone', async () => {
    const gone = await createTestWorkspace(t.services, 'Gone Co');
    const kept = await createTestWorkspace(t.services, 'Kept Co');
    await t.services.usage.ingestEvents(gone.id, [track('a'), track('b')]);
    await t.services.usage.ingestEvents(kept.id, [track('a')]);
    await t.database.query('DELETE FROM workspaces WHERE id = $1', [gone.id]);
    // The cascade does not reach these tables: this is what deleting a workspace must add.
    assert.equal(await count('usage_events', gone.id), 2);
    assert.deepEqual(await t.services.usage.deleteWorkspaceUsage(gone.id), { events: 2, messageIds: 2 });
    assert.equal(await count('usage_events', gone.id), 0);
    assert.equal(await count('usage_message_ids', gone.id), 0);
    assert.equal(await count('usage_events', kept.id), 1);
    assert.equal(await count('usage_message_ids', kept.id), 1);
  });

  it('sweeps keys a deleted workspace left behind on the daily prune', async () => {
    const gone = await createTestWorkspace(t.services, 'Swept Co');
    await t.services.usage.ingestEvents(gone.id, [track('x')]);
    await t.database.query('DELETE FROM workspaces WHERE id = $1', [gone.id]);
    await t.services.usage.pruneMessageIds();
    assert.equal(await count('usage_message_ids', gone.id), 0);
  });

  it('removes the old demo workspace’s usage when the demo is rebuilt', async () => {
    const first = await t.services.demo.createDemo({ seed: 5, today: '2026-03-20', accountCount: 6 });
    assert.ok((await count('usage_events', first.workspace.id)) > 0);
    const second = await t.services.demo.createDemo({ seed: 5, today: '2026-03-20', accountCount: 6, reset: true });
    assert.notEqual(second.workspace.id, first.workspace.id);
    assert.equal(await count('usage_events', first.workspace.id), 0);
    assert.equal(await count('usage_message_ids', first.workspace.id), 0);
    assert.ok((await count('usage_events', second.workspace.id)) > 0);
  });
});
