import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { FIXTURE_PLAYBOOK } from '../../testing/work-fixtures';

describe('rules API', () => {
  const clock = fixedClock(new Date('2026-03-02T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let manager: TestUser;
  let csm: TestUser;
  let viewer: TestUser;
  let playbookId: string;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Rules Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    manager = await ws.addUser('manager');
    csm = await ws.addUser('csm');
    viewer = await ws.addUser('viewer');
    playbookId = (await t.services.playbooks.createPlaybook({ workspaceId: ws.id, userId: ws.admin.id }, FIXTURE_PLAYBOOK)).id;
  });
  after(() => t.close());

  async function api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  it('creates a rule with a default CTA reason, lists and reads it; viewers read, CSMs may not edit', async () => {
    const created = await api(
      'POST',
      '/rules',
      {
        name: '  90-day renewal play ',
        trigger: { type: 'renewal_in_days', days: 90 },
        conditions: { op: 'and', conditions: [{ field: 'tier', operator: 'in', value: ['S', 'A'] }] },
        playbookId,
      },
      manager.headers,
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.name, '90-day renewal play');
    assert.equal(created.body.ctaReason, 'renewal');
    assert.equal(created.body.enabled, true);
    assert.equal(created.body.version, 1);
    assert.equal(created.body.createdBy, manager.id);
    assert.equal(created.body.firedCount, 0);
    assert.equal(created.body.lastFiredAt, null);

    const list = await api('GET', '/rules', undefined, viewer.headers);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((r: { id: string }) => r.id),
      [created.body.id],
    );
    assert.equal((await api('GET', `/rules/${created.body.id}`, undefined, viewer.headers)).body.trigger.days, 90);
    const denied = await api('POST', '/rules', { name: 'x', trigger: { type: 'key_contact_left' }, playbookId }, csm.headers);
    assert.equal(denied.status, 403);
    assert.equal((await api('GET', `/rules/${created.body.id}`, undefined, other.admin.headers)).status, 404);
  });

  it('refuses a rule naming what does not exist, each problem by its field', async () => {
    const foreignSegment = await t.services.segments.createSegment(
      { workspaceId: other.id, userId: other.admin.id },
      { name: 'Theirs', expression: { op: 'and', conditions: [] } },
    );
    const res = await api('POST', '/rules', {
      name: 'Broken',
      trigger: { type: 'segment_entered', segmentId: foreignSegment.id },
      conditions: { op: 'and', conditions: [{ field: 'custom.nope', operator: 'eq', value: 1 }] },
      playbookId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.details.map((d: { field: string }) => d.field).sort(), [
      'conditions.conditions[0].field',
      'playbookId',
      'trigger.segmentId',
    ]);

    const cron = await api('POST', '/rules', {
      name: 'Bad cron',
      trigger: { type: 'schedule', cron: '0 25 * * *', timezone: 'Mars/Olympus' },
      playbookId,
    });
    assert.equal(cron.status, 400);
    assert.deepEqual(
      cron.body.error.details.map((d: { field: string }) => d.field),
      ['trigger.cron', 'trigger.timezone'],
    );

    const field = await api('POST', '/rules', {
      name: 'Bad field',
      trigger: { type: 'field_changed', field: 'metric.health' },
      playbookId,
    });
    assert.equal(field.status, 400);
    assert.equal(field.body.error.details[0].field, 'trigger.field');

    const shape = await api('POST', '/rules', { name: 'Bad shape', trigger: { type: 'renewal_in_days', days: -1 }, playbookId });
    assert.equal(shape.status, 400);
    assert.ok(
      shape.body.error.details.some((d: { field: string }) => d.field.startsWith('trigger')),
      JSON.stringify(shape.body),
    );

    const blank = await api('POST', '/rules', { name: '   ', trigger: { type: 'key_contact_left' }, playbookId });
    assert.equal(blank.status, 400);
    assert.equal(blank.body.error.details[0].field, 'name');
  });

  it('keeps each edit as a version, and enables and disables without a new version', async () => {
    const created = await api('POST', '/rules', { name: 'Champion left', trigger: { type: 'key_contact_left' }, playbookId });
    const id = created.body.id;
    clock.advance(60_000);
    const edited = await api('PATCH', `/rules/${id}`, { name: 'Key person left', ctaTitle: 'Replace the champion' }, manager.headers);
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.version, 2);
    assert.equal(edited.body.ctaTitle, 'Replace the champion');
    const unchanged = await api('PATCH', `/rules/${id}`, { name: 'Key person left' });
    assert.equal(unchanged.body.version, 2, 'saving the same definition is not a version');

    const disabled = await api('POST', `/rules/${id}/disable`, undefined, manager.headers);
    assert.equal(disabled.body.enabled, false);
    assert.equal(disabled.body.version, 2);
    assert.equal((await api('POST', `/rules/${id}/enable`)).body.enabled, true);

    const versions = await api('GET', `/rules/${id}/versions`, undefined, viewer.headers);
    assert.deepEqual(
      versions.body.items.map((v: { version: number; name: string; editedBy: string }) => [v.version, v.name, v.editedBy]),
      [
        [2, 'Key person left', manager.id],
        [1, 'Champion left', ws.admin.id],
      ],
    );
    assert.equal((await api('DELETE', `/rules/${id}`, undefined, viewer.headers)).status, 403);
    assert.equal((await api('DELETE', `/rules/${id}`)).status, 204);
    assert.equal((await api('GET', `/rules/${id}`)).status, 404);
  });

  it('dry-runs an unsaved rule for anyone who reads rules, and checks it like a save', async () => {
    const soon = await t.services.accounts.createAccount(ws.id, { name: 'Renews soon', renewalDate: '2026-04-01', arr: 50_000 });
    await t.services.accounts.createAccount(ws.id, { name: 'Renews later', renewalDate: '2026-12-01' });
    const run = await api('POST', '/rules/dry-run', { trigger: { type: 'renewal_in_days', days: 60 } }, viewer.headers);
    assert.equal(run.status, 200, JSON.stringify(run.body));
    assert.equal(run.body.basis, 'current_state');
    assert.deepEqual(
      run.body.wouldFire.accounts.map((a: { id: string; facts: { daysLeft: number } }) => [a.id, a.facts.daysLeft]),
      [[soon.id, 30]],
    );
    assert.equal(run.body.suppressed.count, 0);
    const bad = await api('POST', '/rules/dry-run', { trigger: { type: 'schedule', cron: 'every day' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'trigger.cron');
  });

  it('reports an evaluation run and lists firings with paging', async () => {
    const res = await api('POST', '/rules/evaluate', undefined, manager.headers);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['eventsProcessed', 'failed', 'fired', 'suppressed']);
    const rule = await api('POST', '/rules', { name: 'Any tier change', trigger: { type: 'tier_changed' }, playbookId });
    const firings = await api('GET', `/rules/${rule.body.id}/firings?limit=5`, undefined, viewer.headers);
    assert.deepEqual(firings.body, { items: [], nextCursor: null });
    const bad = await api('GET', `/rules/${rule.body.id}/firings?cursor=zzz`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'cursor');
  });
});
