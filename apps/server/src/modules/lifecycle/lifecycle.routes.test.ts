import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';

describe('lifecycle API', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let csm: TestUser;
  let viewer: TestUser;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Lifecycle Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    csm = await ws.addUser('csm');
    viewer = await ws.addUser('viewer');
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  it('moves an account by hand, keeping the history and recording an event', async () => {
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Manual',
      lifecycleStage: 'handoff',
      contractStart: '2026-02-01',
    });
    await t.services.lifecycle.evaluateStageRules(ws.id);
    clock.advance(3 * 86_400_000);
    const moved = await call('POST', `/accounts/${account.id}/stage`, { stage: 'onboarding', reason: 'kickoff done' }, csm.headers);
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.stage, 'onboarding');
    assert.deepEqual(
      moved.body.history.map((h: { stage: string; enteredBy: string; leftAt: string | null }) => [h.stage, h.enteredBy, h.leftAt !== null]),
      [
        ['handoff', 'rule', true],
        ['onboarding', 'user', false],
      ],
    );
    assert.equal(moved.body.history[0].days, 31);
    assert.equal(moved.body.history[0].reason.en, 'dated from the contract (no earlier history)');
    assert.equal(moved.body.history[1].reason.en, 'kickoff done');
    assert.deepEqual(
      moved.body.checklist.map((c: { key: string; done: boolean }) => [c.key, c.done]),
      [
        ['kickoff_held', false],
        ['admins_trained', false],
        ['first_value', false],
      ],
    );
    assert.equal((await t.services.accounts.getAccount(ws.id, account.id)).lifecycleStage, 'onboarding');
    const events = await listDomainEvents(t.database.db, ws.id, { type: 'lifecycle.stage_changed', accountId: account.id });
    assert.deepEqual(
      events.map((e) => [e.payload.from, e.payload.to, e.payload.by]),
      [['handoff', 'onboarding', 'user']],
    );
    const same = await call('POST', `/accounts/${account.id}/stage`, { stage: 'onboarding' });
    assert.equal(same.status, 400);
    const ticked = await call(
      'POST',
      `/accounts/${account.id}/checklist`,
      { stage: 'onboarding', itemKey: 'kickoff_held', done: true },
      csm.headers,
    );
    assert.equal(ticked.body.checklist[0].done, true);
    const badTick = await call('POST', `/accounts/${account.id}/checklist`, { stage: 'onboarding', itemKey: 'nope', done: true });
    assert.deepEqual(
      badTick.body.error.details.map((d: { field: string }) => d.field),
      ['itemKey'],
    );
  });

  it('moves accounts by rule: a complete handoff to onboarding, a near renewal to renewal, an ended contract to churned', async () => {
    const owner = ws.admin.id;
    const ready = await t.services.accounts.createAccount(ws.id, {
      name: 'Ready',
      lifecycleStage: 'handoff',
      arr: 1000,
      plan: 'Pro',
      ownerId: owner,
      renewalDate: '2027-02-01',
    });
    for (const role of ['decision_maker', 'champion'] as const) {
      await t.services.accounts.createContact(ws.id, ready.id, { name: role, role, email: `${role}@example.com` });
    }
    const missing = await t.services.accounts.createAccount(ws.id, {
      name: 'Missing champion',
      lifecycleStage: 'handoff',
      arr: 1000,
      plan: 'Pro',
      ownerId: owner,
      renewalDate: '2027-02-01',
    });
    await t.services.accounts.createContact(ws.id, missing.id, { name: 'Boss', role: 'decision_maker', phone: '+86 10 1234' });
    const renewing = await t.services.accounts.createAccount(ws.id, {
      name: 'Renewing',
      lifecycleStage: 'stable',
      renewalDate: '2026-04-15',
    });
    const ended = await t.services.accounts.createAccount(ws.id, { name: 'Ended', lifecycleStage: 'renewal', renewalDate: '2026-02-01' });
    // No job has run: the rules ran as each account and contact was saved.
    const stageOf = async (id: string) => (await call('GET', `/accounts/${id}/lifecycle`, undefined, viewer.headers)).body;
    assert.equal((await stageOf(ready.id)).stage, 'onboarding');
    const stuck = await stageOf(missing.id);
    assert.equal(stuck.stage, 'handoff');
    assert.deepEqual(
      stuck.checklist.filter((c: { done: boolean }) => !c.done).map((c: { key: string; problem: string }) => [c.key, c.problem]),
      [['champion', 'missing']],
    );
    const renewal = await stageOf(renewing.id);
    assert.equal(renewal.stage, 'renewal');
    assert.equal(renewal.history.at(-1).reason.en, 'renewal date 2026-04-15 is within 90 days');
    assert.equal((await stageOf(ended.id)).stage, 'churned');
    // The daily run finds nothing left to move.
    assert.equal((await t.services.lifecycle.evaluateStageRules(ws.id)).moved, 0);
  });

  it('shows the board with time in stage and flags overdue accounts', async () => {
    const late = await t.services.accounts.createAccount(ws.id, {
      name: 'Late onboarding',
      lifecycleStage: 'onboarding',
      contractStart: '2025-09-01',
    });
    await t.services.lifecycle.evaluateStageRules(ws.id);
    const board = await call('GET', '/lifecycle', undefined, viewer.headers);
    assert.equal(board.status, 200, JSON.stringify(board.body));
    assert.deepEqual(
      board.body.columns.map((c: { stage: string }) => c.stage),
      ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'],
    );
    const onboarding = board.body.columns.find((c: { stage: string }) => c.stage === 'onboarding');
    const card = onboarding.accounts.find((a: { id: string }) => a.id === late.id);
    // Entered 2025-09-15 (14 days after the contract), 170 days by 2026-03-04: 80 past the 90 expected.
    assert.equal(card.daysInStage, 170);
    assert.equal(card.isOverdue, true);
    assert.equal(card.overdueDays, 80);
    assert.ok(onboarding.overdue >= 1);
    assert.equal(onboarding.accounts[0].id, late.id);
    assert.equal(board.body.stages[0].label['zh-CN'], '交接');
  });

  it('keeps other workspaces out and viewers read-only', async () => {
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Private', lifecycleStage: 'stable' });
    assert.equal((await call('GET', `/accounts/${account.id}/lifecycle`, undefined, other.admin.headers)).status, 404);
    assert.equal((await call('POST', `/accounts/${account.id}/stage`, { stage: 'renewal' }, other.admin.headers)).status, 404);
    assert.equal((await call('POST', `/accounts/${account.id}/stage`, { stage: 'renewal' }, viewer.headers)).status, 403);
    const otherBoard = await call('GET', '/lifecycle', undefined, other.admin.headers);
    assert.equal(
      otherBoard.body.columns.reduce((n: number, c: { count: number }) => n + c.count, 0),
      0,
    );
  });
});
