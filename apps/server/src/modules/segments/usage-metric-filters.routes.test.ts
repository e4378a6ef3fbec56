import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';

// Usage metrics in segments and the account list read the rollups: when usage changes and the
// rollup catches up, membership follows.
describe('usage metric filters', () => {
  const clock = fixedClock(new Date('2026-03-20T12:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const ids: Record<string, string> = {};
  let n = 0;

  const track = (userId: string, groupId: string, timestamp: string) => ({
    type: 'track',
    messageId: `m-${++n}`,
    userId,
    event: 'Report Viewed',
    timestamp,
    context: { groupId },
  });

  async function ingest(workspaceId: string, events: object[]) {
    await t.services.usage.ingestEvents(workspaceId, events);
    // A minute later, as settled_until (the watermark health rescoring follows) trails each run.
    clock.advance(60_000);
    await t.services.usageAnalytics.rollUpNewEvents();
  }

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Usage Filters Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    for (const [key, seats] of [
      ['busy', 4],
      ['quiet', 10],
      ['unseated', null],
      ['dormant', 5],
    ] as const) {
      ids[key] = (await t.services.accounts.createAccount(ws.id, { name: key, externalId: key, licensedSeats: seats })).id;
    }
    await ingest(ws.id, [
      track('b1', 'busy', '2026-03-18T09:00:00Z'),
      track('b2', 'busy', '2026-03-18T10:00:00Z'),
      track('b3', 'busy', '2026-03-10T10:00:00Z'),
      track('q1', 'quiet', '2026-03-01T10:00:00Z'),
      track('u1', 'unseated', '2026-03-19T10:00:00Z'),
      // 40 days ago: outside the 30-day window, but the account has been seen.
      track('d1', 'dormant', '2026-02-08T10:00:00Z'),
    ]);
    // Same external id in another workspace: its usage must never count here.
    await t.services.accounts.createAccount(other.id, { name: 'busy elsewhere', externalId: 'busy', licensedSeats: 1 });
    await ingest(other.id, [track('x1', 'busy', '2026-03-18T09:00:00Z'), track('x2', 'busy', '2026-03-18T09:00:00Z')]);
  });
  after(() => t.close());

  async function listNames(filter: object, workspace = ws): Promise<string[]> {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      headers: workspace.admin.headers,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((a: { name: string }) => a.name);
  }
  const where = (field: string, operator: string, value?: unknown) => ({
    op: 'and',
    conditions: [value === undefined ? { field, operator } : { field, operator, value }],
  });

  it('filters on 30-day active users, seat utilisation (percent), events and days since last seen', async () => {
    assert.deepEqual(await listNames(where('metric.activeUsers30d', 'gte', 2)), ['busy']);
    assert.deepEqual(await listNames(where('metric.activeUsers30d', 'eq', 0)), ['dormant']);
    // busy 3/4 = 75%, quiet 1/10 = 10%, dormant 0/5 = 0%; unseated has no seats to divide by.
    assert.deepEqual(await listNames(where('metric.seatUtilisation', 'lt', 50)), ['dormant', 'quiet']);
    assert.deepEqual(await listNames(where('metric.seatUtilisation', 'isEmpty')), ['unseated']);
    assert.deepEqual(await listNames(where('metric.events30d', 'between', [1, 2])), ['quiet', 'unseated']);
    // Last active 2026-02-08: 40 days before 2026-03-20.
    assert.deepEqual(await listNames(where('metric.lastSeenDays', 'gt', 30)), ['dormant']);
    assert.deepEqual(await listNames(where('metric.lastSeenDays', 'lte', 2)), ['busy', 'unseated']);
  });

  it('moves accounts in and out of a saved segment as the rollups change', async () => {
    const viewer = { workspaceId: ws.id, userId: ws.admin.id };
    const segment = await t.services.segments.createSegment(viewer, {
      name: 'Low seat use',
      expression: where('metric.seatUtilisation', 'lt', 30),
    });
    await t.services.segments.refreshSegments(ws.id);
    const members = async () =>
      (await t.services.segments.listSegmentAccounts(viewer, segment.id, {})).items.map((a: { name: string }) => a.name).sort();
    assert.deepEqual(await members(), ['dormant', 'quiet']);

    // Quiet's team starts using the product: 3 of 10 seats = 30%, no longer below 30.
    await ingest(ws.id, [track('q2', 'quiet', '2026-03-20T11:00:00Z'), track('q3', 'quiet', '2026-03-20T11:05:00Z')]);
    await t.services.segments.refreshSegments(ws.id);
    assert.deepEqual(await members(), ['dormant']);
    const left = await listDomainEvents(t.database.db, ws.id, { type: 'segment.left', accountId: ids.quiet! });
    assert.equal(left.length, 1);

    // A month without usage: every active day falls out of the window, busy's and quiet's alike.
    clock.advance(30 * 86_400_000);
    await t.services.segments.refreshSegments(ws.id);
    assert.deepEqual(await members(), ['busy', 'dormant', 'quiet']);
    const entered = await listDomainEvents(t.database.db, ws.id, { type: 'segment.entered', accountId: ids.busy! });
    assert.equal(entered.length, 1);
  });
});
