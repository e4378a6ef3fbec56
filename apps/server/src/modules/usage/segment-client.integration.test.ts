import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Analytics } from '@segment/analytics-node';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

// Segment's own Node.js library, pointed at Northstar by its host alone, as a customer's backend
// would be: the tracking API must answer it as Segment's does, and store what it sends.
describe('Segment analytics-node against the tracking API', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let host: string;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Segment Client Co');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    host = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(() => t.close());

  /** A client that flushes quickly, records every HTTP status and every failed call. */
  function connect(writeKey: string) {
    const analytics = new Analytics({ writeKey, host, flushAt: 50, flushInterval: 20, maxRetries: 1 });
    const statuses: number[] = [];
    const failures: unknown[] = [];
    analytics.on('http_response', (response) => statuses.push(response.status));
    const done = (error?: unknown) => {
      if (error) failures.push(error);
    };
    return { analytics, statuses, failures, done };
  }

  async function storedEvents(workspaceId: string) {
    const { rows } = await t.database.query(
      `SELECT e.type, e.event, e.name, e.user_id, e.anonymous_id, e.group_id, e.previous_id, a.external_id AS account,
         e.message_id, e."timestamp", e.properties, e.traits, e.context
       FROM usage_events e LEFT JOIN accounts a ON a.id = e.account_id
       WHERE e.workspace_id = $1 ORDER BY e."timestamp", e.type`,
      [workspaceId],
    );
    return rows;
  }

  it('stores each call type, creates the account from group and credits the user’s events to it', async () => {
    const { analytics, statuses, failures, done } = connect(ws.writeKey);
    const sentFrom = Date.now();
    analytics.identify({ userId: 'ann', traits: { email: 'ann@acme.example', name: 'Ann' } }, done);
    analytics.group({ userId: 'ann', groupId: 'acme', traits: { name: 'Acme 公司', plan: 'Enterprise', employees: 250 } }, done);
    await analytics.closeAndFlush({ timeout: 10_000 });
    // A new client, as after a restart: its events find the link the group call made.
    const next = connect(ws.writeKey);
    next.analytics.track({ userId: 'ann', event: 'Report Exported', properties: { format: 'pdf', 渠道: '微信' } }, next.done);
    next.analytics.page({ userId: 'ann', category: 'Docs', name: 'Getting started', properties: { path: '/docs' } }, next.done);
    next.analytics.screen({ userId: 'ann', name: 'Home' }, next.done);
    next.analytics.alias({ userId: 'ann-2', previousId: 'ann' }, next.done);
    next.analytics.track({ anonymousId: 'visitor-9', event: 'Pricing Viewed' }, next.done);
    await next.analytics.closeAndFlush({ timeout: 10_000 });

    assert.deepEqual([...failures, ...next.failures], []);
    assert.ok(statuses.length > 0 && [...statuses, ...next.statuses].every((s) => s === 200), `statuses: ${statuses}`);
    const events = await storedEvents(ws.id);
    assert.equal(events.length, 7);
    const byType = (type: string, field: string, value: unknown) => events.find((e) => e.type === type && e[field] === value);
    assert.equal(byType('group', 'group_id', 'acme')?.account, 'acme');
    const track = byType('track', 'event', 'Report Exported');
    assert.equal(track?.account, 'acme');
    assert.deepEqual(track?.properties, { format: 'pdf', 渠道: '微信' });
    assert.equal((track?.context as { library?: { name?: string } }).library?.name, '@segment/analytics-node');
    assert.equal(byType('page', 'name', 'Getting started')?.account, 'acme');
    assert.equal(byType('screen', 'name', 'Home')?.account, 'acme');
    assert.equal(byType('alias', 'user_id', 'ann-2')?.previous_id, 'ann');
    assert.equal(byType('track', 'anonymous_id', 'visitor-9')?.account, null);
    // The library's own messageIds are kept (they are what makes its retries safe), and its
    // timestamps, corrected by sentAt, land within the seconds of this test.
    assert.equal(new Set(events.map((e) => e.message_id)).size, 7);
    for (const e of events) {
      const at = new Date(e.timestamp as string).getTime();
      assert.ok(at >= sentFrom - 5_000 && at <= Date.now() + 5_000, `timestamp ${String(e.timestamp)}`);
    }
    const { rows: accounts } = await t.database.query(`SELECT name, plan, employees FROM accounts WHERE workspace_id = $1`, [ws.id]);
    assert.deepEqual(accounts, [{ name: 'Acme 公司', plan: 'Enterprise', employees: 250 }]);
  });

  it('gets a 401 for an unknown write key, reports the call as failed, and stores nothing', async () => {
    const other = await createTestWorkspace(t.services, 'Other Co');
    const { analytics, statuses, failures, done } = connect('not-a-write-key');
    analytics.track({ userId: 'mallory', event: 'Report Exported' }, done);
    await analytics.closeAndFlush({ timeout: 10_000 });
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 401), `statuses: ${statuses}`);
    assert.equal(failures.length, 1);
    const { rows } = await t.database.query(`SELECT count(*)::int AS n FROM usage_events WHERE user_id = 'mallory'`);
    assert.equal(rows[0]!.n, 0);
    assert.equal((await storedEvents(other.id)).length, 0);
  });
});
