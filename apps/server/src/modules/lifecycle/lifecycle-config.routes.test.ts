import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LifecycleConfigBody } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

describe('lifecycle config API', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let manager: TestUser;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Config Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    manager = await ws.addUser('manager');
  });
  after(() => t.close());

  async function request(method: 'GET' | 'PUT', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }
  const getConfig = async (headers = ws.admin.headers): Promise<{ config: LifecycleConfigBody; isDefault: boolean }> =>
    (await request('GET', '/lifecycle/config', undefined, headers)).body;
  const withStage = (config: LifecycleConfigBody, stage: string, change: (s: LifecycleConfigBody['stages'][number]) => object) => ({
    ...config,
    stages: config.stages.map((s) => (s.stage === stage ? { ...s, ...change(s) } : s)),
  });

  it('starts from the DOMAIN §4 defaults, with every rule switched on', async () => {
    const view = await getConfig(manager.headers);
    assert.equal(view.isDefault, true);
    assert.deepEqual(
      view.config.stages.map((s) => s.stage),
      ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'],
    );
    assert.ok(view.config.stages.flatMap((s) => s.entryRules).every((r) => r.enabled === true));
  });

  it('lets an admin change durations, goals and checklists, which the board and accounts then use', async () => {
    const { config } = await getConfig();
    const changed = withStage(config, 'onboarding', () => ({
      label: { en: 'Delivery', 'zh-CN': '交付' },
      expectedDurationDays: 30,
      goals: [{ en: 'Go live in a month', 'zh-CN': '一个月内上线' }],
      checklist: [{ key: 'go_live', label: { en: 'Live', 'zh-CN': '已上线' }, required: true }],
    }));
    const saved = await request('PUT', '/lifecycle/config', changed);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.isDefault, false);
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Onboarding',
      lifecycleStage: 'onboarding',
      contractStart: '2025-12-01',
    });
    const board = (await request('GET', '/lifecycle')).body;
    const column = board.columns.find((c: { stage: string }) => c.stage === 'onboarding');
    const card = column.accounts.find((a: { id: string }) => a.id === account.id);
    // Entered 14 days after the contract (2025-12-15): 76 days by 2026-03-01, 46 past the new 30.
    assert.deepEqual([card.daysInStage, card.overdueDays], [76, 46]);
    assert.equal(board.stages[1].label.en, 'Delivery');
    const lifecycle = (await request('GET', `/accounts/${account.id}/lifecycle`)).body;
    assert.deepEqual(
      lifecycle.checklist.map((c: { key: string }) => c.key),
      ['go_live'],
    );
    assert.equal(lifecycle.goals[0].en, 'Go live in a month');
    // Another workspace keeps its own (default) lifecycle.
    assert.equal((await getConfig(other.admin.headers)).isDefault, true);
  });

  it('stops moving accounts by a rule an admin switched off, and moves them once it is on again', async () => {
    const { config } = await getConfig();
    const off = withStage(config, 'renewal', (s) => ({ entryRules: s.entryRules.map((r) => ({ ...r, enabled: false })) }));
    assert.equal((await request('PUT', '/lifecycle/config', off)).status, 200);
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Due soon',
      lifecycleStage: 'stable',
      renewalDate: '2026-04-01',
    });
    assert.equal((await t.services.accounts.getAccount(ws.id, account.id)).lifecycleStage, 'stable');
    // Saving the config runs the rules with it.
    assert.equal((await request('PUT', '/lifecycle/config', config)).status, 200);
    assert.equal((await t.services.accounts.getAccount(ws.id, account.id)).lifecycleStage, 'renewal');
  });

  it('names each invalid field, and refuses to switch off a stage accounts are in', async () => {
    const { config } = await getConfig();
    const bad = withStage(config, 'renewal', (s) => ({
      expectedDurationDays: 0,
      entryRules: s.entryRules.map((r) => ({ ...r, days: 0 })),
    }));
    const refused = await request('PUT', '/lifecycle/config', { ...bad, stages: bad.stages.slice(0, 6) });
    assert.equal(refused.status, 400);
    assert.deepEqual(
      refused.body.error.details.map((d: { field: string }) => d.field),
      ['stages[4].expectedDurationDays', 'stages[4].entryRules[0].days', 'stages'],
    );
    const inUse = await request(
      'PUT',
      '/lifecycle/config',
      withStage(config, 'onboarding', () => ({ enabled: false })),
    );
    assert.equal(inUse.status, 400);
    assert.match(
      inUse.body.error.details.map((d: { field: string; problem: string }) => `${d.field} ${d.problem}`).join(),
      /stages\[1\]\.enabled \d+ accounts are in this stage/,
    );
    const unknownField = await request('PUT', '/lifecycle/config', { ...config, colour: 'red' });
    assert.equal(unknownField.status, 400);
  });

  it('lets only admins change the lifecycle', async () => {
    const { config } = await getConfig();
    assert.equal((await request('PUT', '/lifecycle/config', config, manager.headers)).status, 403);
  });
});
