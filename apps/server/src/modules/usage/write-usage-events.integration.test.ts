import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { testEngine } from '../../testing/test-database';
import { prepareTrackingRequest } from './prepare-tracking-request';
import { createUsageEventWriter } from './write-usage-events';

describe(`usage event writer on ${testEngine()}`, () => {
  const clock = fixedClock(new Date('2026-11-20T12:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Writer Co');
  });
  after(() => t.close());

  const prepare = (messageIds: string[]) =>
    prepareTrackingRequest(
      { batch: messageIds.map((messageId) => ({ type: 'track', userId: 'u-1', event: 'Retried', messageId })) },
      { kind: 'batch' },
      ws.id,
      clock.now(),
    ).events;

  const count = async (messageId: string) =>
    Number(
      (
        await t.database.query(`SELECT count(*)::int AS n FROM usage_events WHERE workspace_id = $1 AND message_id = $2`, [
          ws.id,
          messageId,
        ])
      ).rows[0]!.n,
    );

  it('stores two concurrent flushes that both repeat a stored event, each new event once', async () => {
    // Both flushes start optimistic (a plain COPY of their keys) and both hit the stored key: each
    // must fall back to the careful claim, not only the first to fail.
    const writer = createUsageEventWriter({ database: t.database, clock });
    await writer.write([prepare(['stored-1'])]);
    await Promise.all([writer.write([prepare(['stored-1', 'new-1'])]), writer.write([prepare(['stored-1', 'new-2'])])]);
    assert.deepEqual([await count('stored-1'), await count('new-1'), await count('new-2')], [1, 1, 1]);
  });
});
