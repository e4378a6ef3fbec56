import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Coverage } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

describe('lifecycle coverage API', () => {
  const clock = fixedClock(new Date('2026-03-10T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csm: TestUser;
  let ids: Record<'stable' | 'rollout' | 'onboarding' | 'fresh', string>;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Coverage Co');
    csm = await ws.addUser('csm');
    const make = (name: string, stage: 'stable' | 'rollout' | 'onboarding', contractStart: string, tier: 'A' | 'C') =>
      t.services.accounts.createAccount(ws.id, { name, lifecycleStage: stage, contractStart, ownerId: csm.id, tier, arr: 1000 });
    // Backfilled stays: stable from 2025-09-28, rollout from 2025-12-31, onboarding from 2026-02-15.
    const stable = await make('Stable Co', 'stable', '2025-01-01', 'A');
    const rollout = await make('Rollout Co', 'rollout', '2025-10-02', 'C');
    const onboarding = await make('Onboarding Co', 'onboarding', '2026-02-01', 'C');
    const fresh = await make('Fresh Co', 'stable', '2025-01-01', 'A');
    await t.services.lifecycle.evaluateStageRules(ws.id);
    ids = { stable: stable.id, rollout: rollout.id, onboarding: onboarding.id, fresh: fresh.id };
    const actor = { workspaceId: ws.id, userId: csm.id, role: 'csm' as const };
    const touch = (accountId: string, occurredAt: string) =>
      t.services.timeline.createTouch(actor, accountId, { type: 'call', title: 'Call', occurredAt });
    await touch(ids.stable, '2025-11-01T10:00:00.000Z');
    await touch(ids.stable, '2025-12-20T10:00:00.000Z');
    await touch(ids.onboarding, '2026-02-20T10:00:00.000Z');
    await touch(ids.onboarding, '2026-02-27T10:00:00.000Z');
    await touch(ids.onboarding, '2026-03-06T10:00:00.000Z');
    await touch(ids.fresh, '2026-03-01T10:00:00.000Z');
    const task = await t.services.tasks.createTask(actor, { accountId: ids.onboarding, title: 'Training', dueDate: '2026-03-12' });
    await t.services.tasks.completeTask(actor, task.id);
  });
  after(() => t.close());

  const get = async (query = '', headers = ws.admin.headers) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/work/coverage${query}`, headers });
    return { status: res.statusCode, body: res.json() as Coverage };
  };

  it('counts touches and tasks in the stage they happened in, against days spent in each stage', async () => {
    const { status, body } = await get('?from=2025-12-01&to=2026-03-10');
    assert.equal(status, 200);
    const mine = body.csms.find((c) => c.key === csm.id)!;
    assert.equal(mine.accounts, 4);
    const stage = (s: string) => mine.stages.find((x) => x.stage === s)!;
    // Touches before 2025-12-01 fall outside the period.
    assert.deepEqual([stage('stable').touches, stage('onboarding').touches, stage('onboarding').tasks], [2, 3, 1]);
    // Two stable accounts for the 99 days and 9 hours from 2025-12-01 to now (2026-03-10 09:00).
    assert.equal(stage('stable').accountDays, Math.round(2 * (99 + 9 / 24)));
    // Onboarding since 2026-02-15: 23 days and 9 hours.
    assert.equal(stage('onboarding').accountDays, 23);
    assert.equal(stage('rollout').accountDays, 69);
    assert.equal(stage('onboarding').intensity, Math.round((4 / (23 + 9 / 24)) * 30 * 100) / 100);
    assert.equal(mine.pattern, 'insufficient_data', 'a month of onboarding is too little exposure to judge');
    assert.deepEqual(
      body.tiers.map((x) => [x.key, x.accounts]),
      [
        ['A', 2],
        ['C', 2],
      ],
    );
    assert.equal(body.team.stages.find((x) => x.stage === 'stable')!.touches, 2);
  });

  it('lists rollout and stable accounts with no touch in the configured days', async () => {
    const { body } = await get();
    assert.equal(body.staleDays, 60);
    assert.deepEqual(
      body.staleAccounts.map((a) => [a.name, a.daysSinceTouch]),
      [
        ['Rollout Co', null],
        ['Stable Co', 80],
      ],
    );
    const tighter = await get('?staleDays=5');
    assert.deepEqual(
      tighter.body.staleAccounts.map((a) => a.name),
      ['Rollout Co', 'Stable Co', 'Fresh Co'],
    );
    assert.equal(tighter.body.staleAccounts[2]!.ownerName, 'csm 1');
    // A period ending in the past counts silence up to its last day.
    const inJanuary = await get('?from=2025-02-01&to=2026-01-31');
    assert.deepEqual(
      inJanuary.body.staleAccounts.map((a) => [a.name, a.daysSinceTouch]),
      [
        ['Fresh Co', null],
        ['Rollout Co', null],
      ],
    );
  });

  it('refuses bad queries and roles without the report, and sees only its workspace', async () => {
    assert.equal((await get('?from=2026-03-10&to=2026-01-01')).status, 400);
    assert.equal((await get('?staleDays=0')).status, 400);
    assert.equal((await get('', csm.headers)).status, 403);
    const other = await createTestWorkspace(t.services, 'Elsewhere');
    const theirs = await get('', other.admin.headers);
    assert.deepEqual([theirs.body.csms, theirs.body.staleAccounts, theirs.body.team.accounts], [[], [], 0]);
  });
});
