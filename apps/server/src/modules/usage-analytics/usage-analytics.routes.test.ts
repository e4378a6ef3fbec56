import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

describe('usage analytics API', () => {
  // Thursday 5 March 2026, 12:00 UTC; the workspace stays on UTC.
  const clock = fixedClock(new Date('2026-03-05T12:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
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
  async function get(url: string, headers = ws.admin.headers) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    return { status: res.statusCode, body: res.json() };
  }

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Usage Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Acme', externalId: 'acme', licensedSeats: 4 });
    accountId = account.id;
    await t.services.usageAnalytics.createFeature(ws.id, {
      name: 'PDF export',
      module: 'Reports',
      eventName: 'Report Exported',
      propertyName: 'format',
      propertyValue: 'pdf',
    });
    await t.services.usageAnalytics.createFeature(ws.id, { name: 'Dashboards', module: 'Analytics', eventName: 'Dashboard Viewed' });
    await t.services.usage.ingestEvents(ws.id, [
      { type: 'group', messageId: 'g-ann', userId: 'ann', groupId: 'acme', timestamp: '2026-03-01T00:00:00Z' },
      {
        type: 'identify',
        messageId: 'i-ann',
        userId: 'ann',
        traits: { name: 'Ann Lee', email: 'ann@acme.example' },
        timestamp: '2026-03-01T00:00:00Z',
      },
      track('ann', 'Report Exported', '2026-03-02T09:15:00Z', { format: 'pdf' }),
      track('ann', 'Report Exported', '2026-03-02T09:45:00Z', { format: 'csv' }),
      track('ann', 'Dashboard Viewed', '2026-03-04T14:00:00Z'),
      track('bob', 'Dashboard Viewed', '2026-03-04T14:30:00Z'),
      track('bob', 'Dashboard Viewed', '2026-02-25T10:00:00Z'),
    ]);
    await t.services.usageAnalytics.rollUpNewEvents();
  });
  after(() => t.close());

  it('answers an account’s daily series, features, activity clock, seats and top users', async () => {
    const res = await get(`/accounts/${accountId}/usage?from=2026-03-01&to=2026-03-05`);
    assert.equal(res.status, 200);
    const usage = res.body;
    assert.deepEqual(usage.daily, [
      { date: '2026-03-01', events: 0, activeUsers: 0 },
      { date: '2026-03-02', events: 2, activeUsers: 1 },
      { date: '2026-03-03', events: 0, activeUsers: 0 },
      { date: '2026-03-04', events: 2, activeUsers: 2 },
      { date: '2026-03-05', events: 0, activeUsers: 0 },
    ]);
    assert.deepEqual(
      usage.features.map((f: { name: string; users: number; events: number; firstUsedDate: string; module: string }) => [
        f.name,
        f.module,
        f.users,
        f.events,
        f.firstUsedDate,
      ]),
      [
        ['Dashboards', 'Analytics', 2, 2, '2026-03-04'],
        ['PDF export', 'Reports', 1, 1, '2026-03-02'],
      ],
    );
    assert.equal(usage.activityClock.length, 7);
    assert.ok(usage.activityClock.every((row: number[]) => row.length === 24));
    assert.equal(usage.activityClock[0][9], 2); // Monday 2 March, 09:00
    assert.equal(usage.activityClock[2][14], 2); // Wednesday 4 March, 14:00
    assert.equal(usage.activeUsers, 2);
    assert.equal(usage.licensedSeats, 4);
    assert.equal(usage.seatUtilisation, 0.5);
    assert.equal(usage.lastSeenDate, '2026-03-04');
    assert.deepEqual(usage.metrics, { dau: 0.1, wau: 2, mau: 2, stickiness: 0.067 });
    assert.deepEqual(usage.trends.activeUsers, { current: 2, previous: 1, change: 1 });
    assert.deepEqual(usage.trends.events, { current: 4, previous: 1, change: 3 });
    assert.deepEqual(usage.topUsers[0], {
      userId: 'ann',
      name: 'Ann Lee',
      email: 'ann@acme.example',
      events: 3,
      activeDays: 2,
      lastSeenDate: '2026-03-04',
    });
  });

  it('defaults to the last 30 days and validates the range', async () => {
    const res = await get(`/accounts/${accountId}/usage`);
    assert.equal(res.status, 200);
    assert.equal(res.body.to, '2026-03-05');
    assert.equal(res.body.daily.length, 30);
    const backwards = await get(`/accounts/${accountId}/usage?from=2026-03-05&to=2026-03-01`);
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.error.details[0].field, 'to');
    assert.equal((await get(`/accounts/${accountId}/usage?from=2024-01-01&to=2026-03-01`)).status, 400);
    assert.equal((await get(`/accounts/${accountId}/usage?from=yesterday`)).status, 400);
  });

  it('answers the portfolio, product users and one user’s events', async () => {
    const portfolio = await get('/usage/portfolio?from=2026-03-01&to=2026-03-05');
    assert.equal(portfolio.status, 200);
    assert.equal(portfolio.body.events, 4);
    assert.equal(portfolio.body.activeAccounts, 1);
    assert.deepEqual(portfolio.body.topAccounts[0], { accountId, name: 'Acme', events: 4, activeUsers: 2, licensedSeats: 4 });
    const users = await get(`/accounts/${accountId}/users`);
    assert.equal(users.status, 200);
    assert.deepEqual(
      users.body.map((u: { userId: string }) => u.userId),
      ['ann'],
    );
    assert.equal(users.body[0].events30d, 3);
    const ann = await get('/product-users/ann');
    assert.equal(ann.status, 200);
    assert.equal(ann.body.user.traits.email, 'ann@acme.example');
    assert.equal(ann.body.events[0].name, 'Dashboard Viewed');
    assert.equal((await get('/product-users/nobody')).status, 404);
  });

  it('manages feature mappings for managers, and refuses CSMs', async () => {
    const csm = await ws.addUser('csm');
    const payload = { name: 'Alerts', eventName: 'Alert Created' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/features', headers: csm.headers, payload });
    assert.equal(refused.statusCode, 403);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/features', headers: ws.admin.headers, payload });
    assert.equal(created.statusCode, 201);
    const id = created.json().id;
    const half = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/features/${id}`,
      headers: ws.admin.headers,
      payload: { propertyName: 'kind' },
    });
    assert.equal(half.statusCode, 400);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/features/${id}`,
      headers: ws.admin.headers,
      payload: { module: 'Monitoring' },
    });
    assert.equal(moved.json().module, 'Monitoring');
    assert.equal((await get('/features')).body.length, 3);
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/features/${id}`, headers: ws.admin.headers });
    assert.equal(gone.statusCode, 204);
  });

  it('keeps each workspace’s usage to itself', async () => {
    assert.equal((await get(`/accounts/${accountId}/usage`, other.admin.headers)).status, 404);
    assert.equal((await get('/product-users/ann', other.admin.headers)).status, 404);
    assert.equal((await get('/usage/portfolio', other.admin.headers)).body.events, 0);
  });
});
