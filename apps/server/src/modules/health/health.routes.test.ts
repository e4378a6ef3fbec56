import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Account } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { insertUsageRange } from './health-test-data';

describe('health API: accounts, inputs, targets, list filter, portfolio, settings', () => {
  const clock = fixedClock(new Date('2026-05-01T12:00:00Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csm: TestUser;
  let viewer: TestUser;
  let busy: Account;
  let idle: Account;
  let unscored: Account;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services);
    csm = await ws.addUser('csm');
    viewer = await ws.addUser('viewer');
    const create = (name: string) => t.services.accounts.createAccount(ws.id, { name, licensedSeats: 10, contractStart: '2025-01-01' });
    busy = await create('Busy');
    idle = await create('Idle');
    // Busy: 9 of 10 seats every day for 60 days. Idle: 9 users until 40 days ago, then 1.
    await insertUsageRange(t.database, ws.id, busy.id, { from: '2026-03-03', to: '2026-05-01', users: 9, events: { north_star: 5 } });
    await insertUsageRange(t.database, ws.id, idle.id, { from: '2026-03-03', to: '2026-03-22', users: 9 });
    await insertUsageRange(t.database, ws.id, idle.id, { from: '2026-03-23', to: '2026-05-01', users: 1 });
    await t.services.health.rebuildHealth(ws.id, { from: '2026-04-20' });
    // Created after the rebuild: no snapshot yet.
    unscored = await create('Unscored');
  });
  after(() => t.close());

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    user: { headers: Record<string, string> } = ws.admin,
  ) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };

  it('gives an account’s latest score with CO, CX, coverage, measures and the daily trend', async () => {
    const { status, body } = await call('GET', `/accounts/${busy.id}/health?days=5`, undefined, viewer);
    assert.equal(status, 200);
    assert.equal(body.date, '2026-05-01');
    assert.equal(body.band, 'green');
    assert.equal(body.scorecard.id, 'default');
    assert.ok(body.outcome > 90);
    assert.equal(body.experience, null);
    assert.ok(body.coverage > 0 && body.coverage < 1);
    assert.deepEqual(
      body.trend.map((p: { date: string }) => p.date),
      ['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01'],
    );
    const seats = body.measures.find((m: { key: string }) => m.key === 'seat_utilisation');
    assert.deepEqual([seats.raw, seats.detail], [90, { count: 9, of: 10 }]);
    const none = await call('GET', `/accounts/${unscored.id}/health`);
    assert.deepEqual([none.body.date, none.body.score, none.body.trend], [null, null, []]);
  });

  it('lets a CSM record experience inputs with who and when, validates them, and keeps viewers out', async () => {
    const added = await call('POST', `/accounts/${idle.id}/health/inputs`, { kind: 'csm_sentiment', value: 2, note: 'champion left' }, csm);
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.setById, csm.id);
    assert.equal(added.body.source, 'api');
    assert.equal(added.body.observedAt, '2026-05-01T12:00:00.000Z');
    const custom = await call(
      'POST',
      `/accounts/${idle.id}/health/inputs`,
      { kind: 'custom', key: 'renewal_intent', value: 3, source: 'crm' },
      csm,
    );
    assert.equal(custom.body.key, 'renewal_intent');

    const listed = await call('GET', `/accounts/${idle.id}/health/inputs`, undefined, viewer);
    assert.deepEqual(listed.body.items.map((i: { kind: string; setByName: string }) => `${i.kind} by ${i.setByName}`).sort(), [
      'csm_sentiment by csm 1',
      'custom by csm 1',
    ]);
    // The input rescored the account at once: sentiment now shows in its measures.
    const sentiment = (await call('GET', `/accounts/${idle.id}/health`)).body.measures.find(
      (m: { key: string }) => m.key === 'csm_sentiment',
    );
    assert.equal(sentiment.raw, 2);

    const tooHigh = await call('POST', `/accounts/${idle.id}/health/inputs`, { kind: 'nps', value: 11 }, csm);
    assert.equal(tooHigh.status, 400);
    assert.deepEqual(
      tooHigh.body.error.details.map((d: { field: string }) => d.field),
      ['value'],
    );
    const noKey = await call('POST', `/accounts/${idle.id}/health/inputs`, { kind: 'custom', value: 1 }, csm);
    assert.deepEqual(
      noKey.body.error.details.map((d: { field: string }) => d.field),
      ['key'],
    );
    const future = await call(
      'POST',
      `/accounts/${idle.id}/health/inputs`,
      { kind: 'nps', value: 8, observedAt: '2026-06-01T00:00:00Z' },
      csm,
    );
    assert.deepEqual(
      future.body.error.details.map((d: { field: string }) => d.field),
      ['observedAt'],
    );
    assert.equal((await call('POST', `/accounts/${idle.id}/health/inputs`, { kind: 'nps', value: 8 }, viewer)).status, 403);
  });

  it('deletes an input recorded by mistake and rescores the account without it; viewers, other accounts and other workspaces cannot', async () => {
    const sentimentOf = async () =>
      (await call('GET', `/accounts/${busy.id}/health`)).body.measures.find((m: { key: string }) => m.key === 'csm_sentiment').raw;
    const before = await sentimentOf();
    const wrong = await call(
      'POST',
      `/accounts/${busy.id}/health/inputs`,
      { kind: 'csm_sentiment', value: 1, note: 'meant for Idle' },
      csm,
    );
    assert.equal(wrong.status, 201);
    assert.equal(await sentimentOf(), 1);

    const url = `/accounts/${busy.id}/health/inputs/${wrong.body.id}`;
    assert.equal((await call('DELETE', url, undefined, viewer)).status, 403);
    // The input belongs to Busy: addressed through another account, it is not found.
    const elsewhere = await call('DELETE', `/accounts/${idle.id}/health/inputs/${wrong.body.id}`, undefined, csm);
    assert.deepEqual([elsewhere.status, elsewhere.body.error.code], [404, 'HEALTH_INPUT_NOT_FOUND']);
    const stranger = await createTestWorkspace(t.services, 'Stranger Co');
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: stranger.admin.headers })).statusCode, 404);
    const malformed = await call('DELETE', `/accounts/${busy.id}/health/inputs/not-an-id`, undefined, csm);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.details[0].field, 'inputId');

    const deleted = await call('DELETE', url, undefined, csm);
    assert.equal(deleted.status, 204);
    assert.equal(await sentimentOf(), before);
    const listed = await call('GET', `/accounts/${busy.id}/health/inputs`);
    assert.ok(!listed.body.items.some((i: { id: string }) => i.id === wrong.body.id));
    assert.equal((await call('DELETE', url, undefined, csm)).status, 404);
  });

  it('sets the north-star target the north-star measure compares the last 30 days with', async () => {
    const set = await call('PUT', `/accounts/${busy.id}/health/target`, { target: 2700 }, csm);
    assert.equal(set.status, 200);
    assert.deepEqual([set.body.target, set.body.periodDays, set.body.setById], [2700, 30, csm.id]);
    const northStar = (await call('GET', `/accounts/${busy.id}/health`)).body.measures.find((m: { key: string }) => m.key === 'north_star');
    // 9 users × 5 "north_star" events × 30 days = 1,350 of 2,700.
    assert.deepEqual([northStar.raw, northStar.detail], [50, { count: 1350, of: 2700 }]);
    const cleared = await call('PUT', `/accounts/${busy.id}/health/target`, { target: null }, csm);
    assert.equal(cleared.body.target, null);
    assert.equal(
      (await call('GET', `/accounts/${busy.id}/health`)).body.measures.find((m: { key: string }) => m.key === 'north_star').raw,
      null,
    );
  });

  it('shows health in the account list and filters it by band and by score', async () => {
    const list = await call('GET', '/accounts?sort=name');
    const health = new Map(list.body.items.map((a: Account) => [a.name, a.health]));
    assert.equal((health.get('Busy') as Account['health'])!.band, 'green');
    assert.equal((health.get('Idle') as Account['health'])!.band, 'red');
    assert.equal((health.get('Idle') as Account['health'])!.date, '2026-05-01');
    assert.equal(health.get('Unscored'), null);

    const filter = (expression: object) => call('GET', `/accounts?sort=name&filter=${encodeURIComponent(JSON.stringify(expression))}`);
    const red = await filter({ op: 'and', conditions: [{ field: 'metric.healthBand', operator: 'eq', value: 'red' }] });
    assert.deepEqual(
      red.body.items.map((a: Account) => a.name),
      ['Idle'],
    );
    const low = await filter({ op: 'and', conditions: [{ field: 'metric.health', operator: 'lt', value: 40 }] });
    assert.deepEqual(
      low.body.items.map((a: Account) => a.name),
      ['Idle'],
    );
    const unknown = await filter({ op: 'and', conditions: [{ field: 'metric.healthBand', operator: 'isEmpty' }] });
    assert.deepEqual(
      unknown.body.items.map((a: Account) => a.name),
      ['Unscored'],
    );
  });

  it('gives the portfolio’s bands per day and the week’s biggest movers', async () => {
    const { status, body } = await call('GET', '/health/portfolio?from=2026-04-20', undefined, viewer);
    assert.equal(status, 200);
    assert.equal(body.to, '2026-05-01');
    assert.equal(body.days.length, 12);
    const last = body.days.at(-1);
    assert.deepEqual([last.green, last.red], [1, 1]);
    assert.deepEqual(body.movers.from, '2026-04-24');
    // On 04-24 Busy's previous 30 days were only partly tracked (usage began 03-03), so its trend
    // read as growth; by 05-01 it compares two full, equal windows: steady, a lower trend score.
    assert.equal(body.movers.decliners[0]?.name, 'Busy');
    const changes = body.movers.decliners.map((m: { change: number }) => m.change);
    assert.ok(changes.every((c: number) => c < 0));
    assert.deepEqual(
      changes,
      [...changes].sort((a: number, b: number) => a - b),
    );
    const wrong = await call('GET', '/health/portfolio?from=2026-05-02&to=2026-05-01');
    assert.deepEqual(
      wrong.body.error.details.map((d: { field: string }) => d.field),
      ['from'],
    );
  });

  it('changes the bands for the workspace and rescores today at once; refuses bands out of order', async () => {
    const before = (await call('GET', `/accounts/${busy.id}/health`)).body;
    const changed = await call('PUT', '/health/settings', { bands: { red: 40, yellow: before.score + 1 }, scoreDropThreshold: 10 });
    assert.equal(changed.status, 200);
    assert.equal((await call('GET', `/accounts/${busy.id}/health`)).body.band, 'yellow');
    assert.deepEqual((await call('GET', '/health/settings', undefined, viewer)).body.bands, { red: 40, yellow: before.score + 1 });
    const wrong = await call('PUT', '/health/settings', { bands: { red: 70, yellow: 40 }, scoreDropThreshold: 10 });
    assert.equal(wrong.status, 400);
    assert.deepEqual(
      wrong.body.error.details.map((d: { field: string }) => d.field),
      ['bands.yellow'],
    );
    assert.equal((await call('PUT', '/health/settings', { bands: { red: 40, yellow: 70 }, scoreDropThreshold: 10 }, csm)).status, 403);
    await call('PUT', '/health/settings', { bands: { red: 40, yellow: 70 }, scoreDropThreshold: 10 });
  });

  it('recomputes on demand and refuses a date after today', async () => {
    const run = await call('POST', '/health/recompute', {});
    assert.equal(run.status, 200);
    assert.equal(run.body.date, '2026-05-01');
    assert.equal(run.body.accounts, 3);
    const future = await call('POST', '/health/recompute', { date: '2026-05-02' });
    assert.equal(future.status, 400);
    assert.deepEqual(
      future.body.error.details.map((d: { field: string }) => d.field),
      ['date'],
    );
  });
});
