import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';

// A stage or a date changed on the account itself must reach the lifecycle at once: the same
// history and events as a move on the board, and the stage rules run without waiting for the job.
describe('lifecycle after account changes', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csm: TestUser;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Changes Co');
    csm = await ws.addUser('csm');
  });
  after(() => t.close());

  async function request(method: 'GET' | 'PATCH' | 'PUT', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }
  const lifecycleOf = async (id: string) => (await request('GET', `/accounts/${id}/lifecycle`)).body;
  const events = (accountId: string) => listDomainEvents(t.database.db, ws.id, { type: 'lifecycle.stage_changed', accountId });

  it('records a stage set through PATCH /accounts/:id exactly like a move on the board', async () => {
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Patched',
      lifecycleStage: 'onboarding',
      contractStart: '2026-01-01',
    });
    clock.advance(86_400_000);
    const patched = await request('PATCH', `/accounts/${account.id}`, { lifecycleStage: 'rollout' }, csm.headers);
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.lifecycleStage, 'rollout');
    const lifecycle = await lifecycleOf(account.id);
    assert.deepEqual(
      lifecycle.history.map((h: { stage: string; enteredBy: string; userId: string | null; leftAt: string | null }) => [
        h.stage,
        h.enteredBy,
        h.userId,
        h.leftAt === null,
      ]),
      [
        ['onboarding', 'rule', null, false],
        ['rollout', 'user', csm.id, true],
      ],
    );
    assert.deepEqual(
      (await events(account.id)).map((e) => [e.payload.from, e.payload.to, e.payload.by, e.payload.userId]),
      [['onboarding', 'rollout', 'user', csm.id]],
    );

    // The same stage again is no move; clearing the stage ends the stay.
    await request('PATCH', `/accounts/${account.id}`, { lifecycleStage: 'rollout', plan: 'Pro' });
    assert.equal((await events(account.id)).length, 1);
    clock.advance(60_000);
    await request('PATCH', `/accounts/${account.id}`, { lifecycleStage: null });
    const cleared = await lifecycleOf(account.id);
    assert.equal(cleared.stage, null);
    assert.ok(cleared.history.every((h: { leftAt: string | null }) => h.leftAt !== null));
    // Newest first.
    assert.deepEqual((await events(account.id))[0]?.payload.to, null);
  });

  it('moves an account into renewal as soon as its renewal date comes within the window', async () => {
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Renews', lifecycleStage: 'stable', renewalDate: '2027-01-01' });
    assert.equal((await lifecycleOf(account.id)).stage, 'stable');
    clock.advance(60_000);
    const patched = await request('PATCH', `/accounts/${account.id}`, { renewalDate: '2026-04-20' }, csm.headers);
    assert.equal(patched.status, 200);
    assert.equal(patched.body.lifecycleStage, 'renewal');
    const last = (await lifecycleOf(account.id)).history.at(-1);
    assert.deepEqual([last.stage, last.enteredBy, last.reason.en], ['renewal', 'rule', 'renewal date 2026-04-20 is within 90 days']);
    assert.deepEqual((await events(account.id))[0]?.payload.rule, 'renewal_within_days');
  });

  it('churns an account at once when it is marked churned, even from a stage set by hand', async () => {
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Leaving',
      lifecycleStage: 'stable',
      renewalDate: '2027-01-01',
    });
    await request('PATCH', `/accounts/${account.id}`, { lifecycleStage: 'renewal' });
    clock.advance(60_000);
    const patched = await request('PATCH', `/accounts/${account.id}`, { status: 'churned', churnDate: '2026-02-27' });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.lifecycleStage, 'churned');
    assert.equal((await lifecycleOf(account.id)).history.at(-1).reason.en, 'account churned on 2026-02-27');
  });

  it('moves a handoff on to onboarding when its last key person is added', async () => {
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Handed over',
      lifecycleStage: 'handoff',
      arr: 5000,
      plan: 'Pro',
      ownerId: ws.admin.id,
      renewalDate: '2027-03-01',
    });
    await t.services.accounts.createContact(ws.id, account.id, { name: 'Dee', role: 'decision_maker', email: 'dee@example.com' });
    assert.equal((await lifecycleOf(account.id)).stage, 'handoff');
    await t.services.accounts.createContact(ws.id, account.id, { name: 'Cham', role: 'champion', phone: '+86 21 5555' });
    assert.equal((await lifecycleOf(account.id)).stage, 'onboarding');
  });

  it('refuses a stage the workspace switched off, naming the field, and changes nothing', async () => {
    const view = (await request('GET', '/lifecycle/config')).body;
    const stages = view.config.stages.map((s: { stage: string }) => (s.stage === 'rollout' ? { ...s, enabled: false } : s));
    assert.equal((await request('PUT', '/lifecycle/config', { ...view.config, stages })).status, 200);
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Blocked', lifecycleStage: 'onboarding' });
    const refused = await request('PATCH', `/accounts/${account.id}`, { lifecycleStage: 'rollout', plan: 'Max' });
    assert.equal(refused.status, 409);
    assert.deepEqual(
      refused.body.error.details.map((d: { field: string }) => d.field),
      ['lifecycleStage'],
    );
    const after = await t.services.accounts.getAccount(ws.id, account.id);
    assert.deepEqual([after.lifecycleStage, after.plan], ['onboarding', null]);
  });

  it('records a stage an import wrote behind the lifecycle’s back on the next rules run', async () => {
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Imported',
      lifecycleStage: 'onboarding',
      contractStart: '2026-02-01',
    });
    // What a CSV import does: it writes the column, not the history.
    await t.database.query(`UPDATE accounts SET lifecycle_stage = 'stable' WHERE id = $1`, [account.id]);
    clock.advance(60_000);
    const run = await t.services.lifecycle.evaluateStageRules(ws.id, { accountIds: [account.id] });
    assert.equal(run.moved, 1);
    const history = (await lifecycleOf(account.id)).history;
    assert.deepEqual(
      history.map((h: { stage: string; leftAt: string | null }) => [h.stage, h.leftAt === null]),
      [
        ['onboarding', false],
        ['stable', true],
      ],
    );
    assert.equal(history[1].reason.en, 'stage changed outside the lifecycle (import)');
    assert.equal((await t.services.lifecycle.evaluateStageRules(ws.id)).moved, 0);
  });
});
