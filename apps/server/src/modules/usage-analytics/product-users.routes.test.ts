import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

describe('product user view API', () => {
  const clock = fixedClock(new Date('2026-03-05T12:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  async function get(url: string, headers = ws.admin.headers) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    return { status: res.statusCode, body: res.json() };
  }

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Users Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    await t.services.accounts.createAccount(ws.id, { name: 'Acme Ltd', externalId: 'acme' });
    const events: object[] = [
      { type: 'group', messageId: 'g', userId: 'ann@acme', groupId: 'acme', timestamp: '2026-02-01T00:00:00Z' },
      { type: 'identify', messageId: 'i', userId: 'ann@acme', traits: { name: 'Ann', plan: 'pro' }, timestamp: '2026-02-01T00:00:00Z' },
    ];
    // 7 events on 3 March (two in the same millisecond), 2 on 4 March, 1 long ago (outside 90 days).
    for (let i = 0; i < 5; i++) {
      events.push({ type: 'track', messageId: `a${i}`, userId: 'ann@acme', event: 'Opened', timestamp: `2026-03-03T09:0${i}:00Z` });
    }
    events.push({ type: 'track', messageId: 'tie-1', userId: 'ann@acme', event: 'Tied', timestamp: '2026-03-03T10:00:00.000Z' });
    events.push({ type: 'track', messageId: 'tie-2', userId: 'ann@acme', event: 'Tied', timestamp: '2026-03-03T10:00:00.000Z' });
    events.push({ type: 'page', messageId: 'p1', userId: 'ann@acme', name: 'Home', timestamp: '2026-03-04T08:00:00Z' });
    events.push({ type: 'page', messageId: 'p2', userId: 'ann@acme', name: 'Home', timestamp: '2026-03-04T08:30:00Z' });
    events.push({ type: 'track', messageId: 'old', userId: 'ann@acme', event: 'Opened', timestamp: '2025-10-01T08:00:00Z' });
    await t.services.usage.ingestEvents(ws.id, events);
    clock.advance(60_000);
    await t.services.usageAnalytics.rollUpNewEvents();
  });
  after(() => t.close());

  it('shows a user with traits, account, 90 days of daily activity and the first page of events', async () => {
    const res = await get(`/product-users/${encodeURIComponent('ann@acme')}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.user.traits.plan, 'pro');
    assert.equal(res.body.accountName, 'Acme Ltd');
    assert.equal(res.body.daily.length, 90);
    assert.deepEqual(res.body.daily.at(-1), { date: '2026-03-05', events: 0 });
    assert.deepEqual(
      res.body.daily.filter((d: { events: number }) => d.events > 0),
      [
        { date: '2026-03-03', events: 7 },
        { date: '2026-03-04', events: 2 },
      ],
    );
    // identify and group are events of the user too; only the one from October is too old.
    assert.equal(res.body.events.length, 11);
    assert.equal(res.body.nextCursor, null);
    assert.equal(res.body.events[0].name, 'Home');
  });

  it('pages through every event exactly once, ties included', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: { name: string; timestamp: string }[]; nextCursor: string | null } } = await get(
        `/product-users/ann%40acme/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((e) => `${e.timestamp} ${e.name}`));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    assert.equal(seen.length, 11);
    assert.deepEqual(seen, [...seen].sort().reverse());
    assert.equal(seen.filter((e) => e.endsWith('Tied')).length, 2);
  });

  it('refuses a cursor it did not make, naming it, and hides users of other workspaces', async () => {
    const bad = await get('/product-users/ann%40acme/events?cursor=nonsense');
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.error.details.map((d: { field: string }) => d.field),
      ['cursor'],
    );
    assert.equal((await get('/product-users/ann%40acme/events', other.admin.headers)).status, 404);
    assert.equal((await get('/product-users/nobody/events')).status, 404);
  });
});
