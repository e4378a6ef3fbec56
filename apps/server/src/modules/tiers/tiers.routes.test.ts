import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';

describe('tiers API', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let viewer: TestUser;
  let csm: TestUser;
  const ids: string[] = [];

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Tiers Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    viewer = await ws.addUser('viewer');
    csm = await ws.addUser('csm');
    // Ten accounts, a-01 alone holding half the ARR: S = a-01 + a-02 (65%), as in calculateTiers' test.
    for (const [i, arr] of [500, 150, 100, 80, 60, 40, 30, 20, 12, 8].entries()) {
      const account = await t.services.accounts.createAccount(ws.id, { name: `a-${String(i + 1).padStart(2, '0')}`, arr, employees: 500 });
      ids.push(account.id);
    }
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  it('recomputes tiers, writes them onto accounts, and explains each one', async () => {
    const res = await call('POST', '/tiers/recompute');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.accounts, 10);
    assert.equal(res.body.changed, 10);
    // No usage or health data yet: the middle falls to B ("no usage data or health score").
    assert.deepEqual(
      res.body.tiers.map((s: { tier: string; accounts: number }) => [s.tier, s.accounts]),
      [
        ['S', 2],
        ['A', 0],
        ['B', 4],
        ['C', 4],
      ],
    );
    const first = await call('GET', `/accounts/${ids[1]}/tier`, undefined, viewer.headers);
    assert.equal(first.status, 200);
    assert.equal(first.body.tier, 'S');
    assert.equal(first.body.text.en, 'top 20% by ARR; S covers 65% of ARR');
    assert.equal(first.body.text['zh-CN'], 'ARR 排名前 20%；S 层覆盖 65% 的 ARR');
    assert.deepEqual(
      first.body.history.map((h: { from: string | null; to: string; cause: string }) => [h.from, h.to, h.cause]),
      [[null, 'S', 'rule']],
    );
    const account = await t.services.accounts.getAccount(ws.id, ids[0]!);
    assert.equal(account.tier, 'S');
  });

  it('records history and a tier.changed event only for accounts that moved', async () => {
    await call('POST', '/tiers/recompute');
    const again = await call('POST', '/tiers/recompute');
    assert.equal(again.body.changed, 0);
    const events = await listDomainEvents(t.database.db, ws.id, { type: 'tier.changed' });
    assert.equal(events.length, 10);
    assert.deepEqual(events.find((e) => e.accountId === ids[0])?.payload.to, 'S');
  });

  it('shows the Pareto curve and the tier shares', async () => {
    const res = await call('GET', '/tiers', undefined, viewer.headers);
    assert.equal(res.status, 200);
    assert.equal(res.body.totalAccounts, 10);
    assert.equal(res.body.totalArr, 1000);
    assert.equal(res.body.points.length, 11);
    assert.deepEqual(res.body.points[1], { accountShare: 0.1, arrShare: 0.5 });
    assert.equal(res.body.tiers[0].arrShare, 0.65);
    assert.equal(res.body.policy.s.arrShare, 0.6);
    assert.ok(res.body.computedAt);
  });

  it('lets a CSM pin a tier with a reason, shows it, and ends it on unpin', async () => {
    const last = ids[9]!;
    const pinned = await call(
      'PUT',
      `/accounts/${last}/tier-pin`,
      { tier: 'S', reason: 'strategic logo', expiresAt: '2026-04-01' },
      csm.headers,
    );
    assert.equal(pinned.status, 200, JSON.stringify(pinned.body));
    assert.equal(pinned.body.tier, 'S');
    assert.equal(pinned.body.calculatedTier, 'C');
    assert.equal(pinned.body.pin.reason, 'strategic logo');
    assert.equal(pinned.body.text.en, 'pinned: strategic logo (until 2026-04-01)');
    assert.equal(pinned.body.history[0].cause, 'pin');
    const unpinned = await call('DELETE', `/accounts/${last}/tier-pin`, undefined, csm.headers);
    assert.equal(unpinned.body.tier, 'C');
    assert.equal(unpinned.body.pin, null);
    assert.equal(unpinned.body.history[0].cause, 'pin_ended');
  });

  it('expires a pin on its date at the next recompute', async () => {
    const last = ids[8]!;
    await call('PUT', `/accounts/${last}/tier-pin`, { tier: 'A', reason: 'pilot', expiresAt: '2026-03-02' });
    assert.equal((await call('GET', `/accounts/${last}/tier`)).body.tier, 'A');
    clock.set(new Date('2026-03-02T01:00:00.000Z'));
    await t.services.tiers.recomputeTiers(ws.id);
    const after = (await call('GET', `/accounts/${last}/tier`)).body;
    assert.equal(after.tier, 'C');
    assert.equal(after.history[0].cause, 'pin_ended');
    clock.set(new Date('2026-03-01T09:00:00.000Z'));
  });

  it('rejects a bad pin and a bad policy naming the fields', async () => {
    const pin = await call('PUT', `/accounts/${ids[0]}/tier-pin`, { tier: 'S', reason: '  ', expiresAt: '2026-01-01' });
    assert.equal(pin.status, 400);
    assert.deepEqual(
      pin.body.error.details.map((d: { field: string }) => d.field),
      ['reason', 'expiresAt'],
    );
    const policy = await call('PUT', '/tiers/policy', {
      s: { arrShare: 0.6, maxAccountShare: 0.1, minAccountShare: 0.2 },
      c: { arrPercentile: 0.4, minEmployees: 50 },
      engagement: { usageThreshold: 0.4, healthThreshold: 70 },
    });
    assert.equal(policy.status, 400);
    assert.deepEqual(
      policy.body.error.details.map((d: { field: string }) => d.field),
      ['s.minAccountShare'],
    );
  });

  it('saves a policy and recomputes with it', async () => {
    const res = await call('PUT', '/tiers/policy', {
      s: { arrShare: 0.5, maxAccountShare: 0.2, minAccountShare: 0.1 },
      c: { arrPercentile: null, minEmployees: null },
      engagement: { usageThreshold: 0.4, healthThreshold: 70 },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.policy.s.arrShare, 0.5);
    assert.equal(res.body.tiers.find((s: { tier: string }) => s.tier === 'C').accounts, 0);
  });

  it('refuses viewers and CSMs the policy and recompute, and hides other workspaces’ accounts', async () => {
    assert.equal((await call('POST', '/tiers/recompute', undefined, csm.headers)).status, 403);
    assert.equal((await call('GET', `/accounts/${ids[0]}/tier`, undefined, other.admin.headers)).status, 404);
    assert.equal((await call('PUT', `/accounts/${ids[0]}/tier-pin`, { tier: 'C', reason: 'x' }, other.admin.headers)).status, 404);
    const otherOverview = await call('GET', '/tiers', undefined, other.admin.headers);
    assert.equal(otherOverview.body.totalAccounts, 0);
  });
});
