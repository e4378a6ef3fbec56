import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybookDefinition } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';
import { createPlaybooksService, type EnqueueWebhook } from './index';

describe('playbooks API', () => {
  const clock = fixedClock(new Date('2026-03-10T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csm: TestUser;
  let namedCsm: TestUser;
  let manager: TestUser;
  let accountId: string;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Playbook Co');
    csm = await ws.addUser('csm');
    namedCsm = await ws.addUser('csm');
    // Joins before any other manager: the team lead.
    manager = await ws.addUser('manager');
    await ws.addUser('manager');
    await t.services.accounts.createCustomField(ws.id, { key: 'risk_level', label: 'Risk', type: 'select', options: ['low', 'high'] });
    accountId = (
      await t.services.accounts.createAccount(ws.id, { name: 'Acme', ownerId: csm.id, lifecycleStage: 'stable', tags: ['strategic'] })
    ).id;
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  const riskPlay = (): PlaybookDefinition => ({
    name: 'Health drop risk play',
    description: 'When health turns red',
    ctaReason: 'risk',
    enabled: true,
    steps: [
      { key: 'tag', kind: 'action', title: 'Tag at risk', action: { type: 'add_tag', tag: 'at-risk' } },
      { key: 'flag', kind: 'action', title: 'Flag risk', action: { type: 'set_field', field: 'custom.risk_level', value: 'high' } },
      {
        key: 'call',
        kind: 'task',
        title: 'Call the champion',
        description: 'Why?',
        dueOffsetDays: 2,
        assignee: { kind: 'account_owner' },
        priority: 'urgent',
      },
      {
        key: 'review',
        kind: 'task',
        title: 'Review with lead',
        description: '',
        dueOffsetDays: 5,
        assignee: { kind: 'team_lead' },
        priority: 'high',
      },
      {
        key: 'exec',
        kind: 'task',
        title: 'Exec sponsor note',
        description: '',
        dueOffsetDays: 0,
        assignee: { kind: 'user', userId: namedCsm.id },
        priority: 'normal',
      },
      { key: 'stage', kind: 'action', title: 'Into renewal', action: { type: 'move_stage', stage: 'renewal' } },
      {
        key: 'tell',
        kind: 'action',
        title: 'Tell the lead',
        action: { type: 'notify', to: { kind: 'team_lead' }, message: '{{account.name}} needs attention' },
      },
      {
        key: 'hook',
        kind: 'action',
        title: 'Tell the CRM',
        action: { type: 'webhook', url: 'https://hooks.example.com/cs', event: 'risk.play' },
      },
    ],
  });

  it('runs a playbook: a CTA, tasks with resolved owners and due dates, and each automatic step', async () => {
    const created = await call('POST', '/playbooks', riskPlay());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, 1);

    const started = await call('POST', `/accounts/${accountId}/playbook-runs`, { playbookId: created.body.id }, csm.headers);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const run = started.body;
    assert.equal(run.status, 'active');
    assert.equal(run.playbookVersion, 1);
    assert.deepEqual(
      run.steps.map((s: { key: string; actionStatus: string | null; taskStatus: string | null }) => [
        s.key,
        s.actionStatus ?? s.taskStatus,
      ]),
      [
        ['tag', 'done'],
        ['flag', 'done'],
        ['call', 'open'],
        ['review', 'open'],
        ['exec', 'open'],
        ['stage', 'done'],
        ['tell', 'done'],
        ['hook', 'done'],
      ],
    );
    // The webhook step queues a delivery (the webhooks module sends it in a job).
    const deliveries = await t.services.webhooks.listDeliveries(ws.id, { playbookId: created.body.id });
    assert.deepEqual(
      deliveries.items.map((d) => [d.event, d.url, d.status]),
      [['risk.play', 'https://hooks.example.com/cs', 'pending']],
    );

    const tasks = await call('GET', `/tasks?playbookRunId=${run.id}`);
    assert.deepEqual(
      tasks.body.items.map((x: { playbookStepKey: string; ownerId: string; dueDate: string; priority: string; ctaId: string }) => [
        x.playbookStepKey,
        x.ownerId,
        x.dueDate,
        x.priority,
        x.ctaId,
      ]),
      [
        ['exec', namedCsm.id, '2026-03-10', 'normal', run.ctaId],
        ['call', csm.id, '2026-03-12', 'urgent', run.ctaId],
        ['review', manager.id, '2026-03-15', 'high', run.ctaId],
      ],
    );
    const cta = await call('GET', `/ctas/${run.ctaId}`);
    assert.deepEqual(
      [cta.body.reason, cta.body.title, cta.body.ownerId, cta.body.causeKey, cta.body.playbookRunId],
      ['risk', 'Health drop risk play', csm.id, `playbook:${created.body.id}`, run.id],
    );

    const account = await t.services.accounts.getAccount(ws.id, accountId);
    assert.deepEqual(account.tags.sort(), ['at-risk', 'strategic']);
    assert.equal(account.customFields.risk_level, 'high');
    assert.equal(account.lifecycleStage, 'renewal');
    const stageEvents = await listDomainEvents(t.database.db, ws.id, { type: 'lifecycle.stage_changed', accountId });
    assert.equal(stageEvents.length, 1, 'the stage moved through the lifecycle service, with its event');

    const inbox = await call('GET', '/notifications', undefined, manager.headers);
    assert.equal(inbox.body.unreadCount, 1);
    assert.deepEqual(
      inbox.body.items.map((n: { message: string; accountName: string; playbookRunId: string }) => [
        n.message,
        n.accountName,
        n.playbookRunId,
      ]),
      [['Acme needs attention', 'Acme', run.id]],
    );
    const notificationId = inbox.body.items[0].id;
    assert.equal((await call('POST', `/notifications/${notificationId}/read`, undefined, csm.headers)).status, 404, 'not yours');
    assert.equal((await call('POST', `/notifications/${notificationId}/read`, undefined, manager.headers)).status, 204);
    assert.equal((await call('GET', '/notifications?unread=true', undefined, manager.headers)).body.items.length, 0);

    // While its CTA is open the same playbook does not start twice on the account.
    const again = await call('POST', `/accounts/${accountId}/playbook-runs`, { playbookId: created.body.id }, csm.headers);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CTA_ALREADY_OPEN');

    // Work the run: done and skipped tasks complete it once none is open.
    await call('POST', `/tasks/${tasks.body.items[1].id}/complete`, undefined, csm.headers);
    assert.equal((await call('GET', `/playbook-runs/${run.id}`)).body.status, 'active');
    await call('POST', `/ctas/${run.ctaId}/close`, { outcome: 'resolved' }, manager.headers);
    const finished = await call('GET', `/playbook-runs/${run.id}`);
    assert.equal(finished.body.status, 'completed');
    assert.deepEqual(
      finished.body.steps.filter((s: { kind: string }) => s.kind === 'task').map((s: { taskStatus: string }) => s.taskStatus),
      ['done', 'skipped', 'skipped'],
    );
    const runs = await call('GET', `/playbook-runs?accountId=${accountId}`, undefined, csm.headers);
    assert.deepEqual(
      runs.body.items.map((r: { id: string }) => r.id),
      [run.id],
    );
  });

  it('hands webhook steps to the injected queue, with the run’s facts and its source', async () => {
    const calls: Parameters<EnqueueWebhook>[] = [];
    const withWebhooks = createPlaybooksService({
      database: t.database,
      clock,
      accounts: {
        getAccount: t.services.accounts.getAccount,
        updateAccount: t.services.accounts.updateAccount,
        listCustomFields: t.services.accounts.listCustomFields,
      },
      lifecycle: { setStage: t.services.lifecycle.setStage },
      enqueueWebhook: async (...args) => {
        calls.push(args);
        return { deliveryId: 'delivery-1' };
      },
    });
    const playbook = await withWebhooks.createPlaybook(
      { workspaceId: ws.id, userId: ws.admin.id },
      { ...riskPlay(), name: 'Webhook only', steps: [riskPlay().steps[7]!, riskPlay().steps[2]!] },
    );
    const started = await withWebhooks.startPlaybook(ws.id, {
      playbookId: playbook.id,
      accountId,
      cta: { reason: 'risk', title: 'Health dropped to red', causeKey: 'rule:r-1:health' },
      ruleId: 'r-1',
    });
    assert.equal(started.taskIds.length, 1);
    assert.equal(calls.length, 1);
    const [workspaceId, input] = calls[0]!;
    assert.equal(workspaceId, ws.id);
    assert.equal(input.url, 'https://hooks.example.com/cs');
    assert.deepEqual(input.source, { playbookId: playbook.id, accountId, ruleId: 'r-1' });
    assert.equal(input.payload.event, 'risk.play');
    assert.deepEqual(input.payload.cta, { id: started.ctaId, reason: 'risk', title: 'Health dropped to red' });
    assert.equal((input.payload.account as { name: string }).name, 'Acme');
    const run = await withWebhooks.getRun(ws.id, started.runId);
    assert.deepEqual([run.ruleId, run.steps[0]!.actionStatus, run.steps[0]!.actionMessage], ['r-1', 'done', 'delivery delivery-1']);
    const cta = await t.services.tasks.getCta(ws.id, started.ctaId);
    assert.deepEqual([cta.ruleId, cta.causeKey, cta.createdBy], ['r-1', 'rule:r-1:health', null]);
    await assert.rejects(
      withWebhooks.startPlaybook(ws.id, {
        playbookId: playbook.id,
        accountId,
        cta: { reason: 'risk', causeKey: 'rule:r-1:health' },
        ruleId: 'r-1',
      }),
      { code: 'CTA_ALREADY_OPEN' },
    );
  });

  it('versions every save with author and diff, and rolls back by saving an old version again', async () => {
    const created = (await call('POST', '/playbooks', { ...riskPlay(), name: 'Renewal play' })).body;
    const edited = riskPlay();
    edited.name = 'Renewal play';
    edited.steps[2] = { ...(edited.steps[2] as Extract<PlaybookDefinition['steps'][number], { kind: 'task' }>), dueOffsetDays: 3 };
    edited.steps.pop();
    const v2 = await call('PUT', `/playbooks/${created.id}`, edited);
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    assert.equal(v2.body.version, 2);
    const same = await call('PUT', `/playbooks/${created.id}`, edited);
    assert.equal(same.body.version, 2, 'saving the same definition writes no version');

    const versions = await call('GET', `/playbooks/${created.id}/versions`, undefined, csm.headers);
    assert.deepEqual(
      versions.body.items.map((v: { version: number }) => v.version),
      [2, 1],
    );
    assert.equal(versions.body.items[0].authorId, ws.admin.id);
    assert.deepEqual(
      versions.body.items[0].diff.map((d: { path: string; change: string }) => [d.path, d.change]),
      [
        ['steps.hook', 'removed'],
        ['steps.call.dueOffsetDays', 'changed'],
      ],
    );

    const rolled = await call('POST', `/playbooks/${created.id}/rollback`, { version: 1 });
    assert.equal(rolled.status, 200, JSON.stringify(rolled.body));
    assert.equal(rolled.body.version, 3);
    assert.deepEqual(rolled.body.steps, created.steps);
    const history = (await call('GET', `/playbooks/${created.id}/versions`)).body.items;
    assert.equal(history[0].rolledBackFrom, 1);
    assert.deepEqual(history[0].definition.steps, created.steps);
    assert.equal((await call('POST', `/playbooks/${created.id}/rollback`, { version: 3 })).status, 400);
    const missing = await call('POST', `/playbooks/${created.id}/rollback`, { version: 9 });
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'PLAYBOOK_VERSION_NOT_FOUND']);
  });

  it('refuses bad definitions, naming the step, and edits by anyone but admins', async () => {
    const duplicate = riskPlay();
    duplicate.steps[3] = { ...duplicate.steps[3]!, key: 'call' } as PlaybookDefinition['steps'][number];
    const dup = await call('POST', '/playbooks', duplicate);
    assert.equal(dup.status, 400);
    assert.deepEqual(
      dup.body.error.details.map((d: { field: string }) => d.field),
      ['steps.3.key'],
    );
    const stranger = riskPlay();
    stranger.steps[4] = {
      ...(stranger.steps[4] as Extract<PlaybookDefinition['steps'][number], { kind: 'task' }>),
      assignee: { kind: 'user', userId: ws.id },
    };
    stranger.steps[1] = { key: 'flag', kind: 'action', title: 'Flag', action: { type: 'set_field', field: 'custom.nope', value: 'x' } };
    const bad = await call('POST', '/playbooks', stranger);
    assert.deepEqual(
      bad.body.error.details.map((d: { field: string }) => d.field),
      ['steps.4.assignee.userId', 'steps.1.action'],
    );
    const wrongValue = riskPlay();
    wrongValue.steps[1] = {
      key: 'flag',
      kind: 'action',
      title: 'Flag',
      action: { type: 'set_field', field: 'custom.risk_level', value: 'extreme' },
    };
    assert.equal((await call('POST', '/playbooks', wrongValue)).status, 400);
    const badAction = await call('POST', '/playbooks', {
      ...riskPlay(),
      steps: [{ key: 'x', kind: 'action', title: 'x', action: { type: 'explode' } }],
    });
    assert.equal(badAction.status, 400);
    assert.equal((await call('POST', '/playbooks', riskPlay(), manager.headers)).status, 403);
    assert.equal((await call('POST', '/playbooks', riskPlay(), csm.headers)).status, 403);
  });

  it('does not start archived or disabled playbooks, and lists archived ones only on request', async () => {
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Quiet', ownerId: csm.id });
    const archived = (await call('POST', '/playbooks', { ...riskPlay(), name: 'Old play' })).body;
    assert.equal((await call('DELETE', `/playbooks/${archived.id}`)).status, 204);
    const refused = await call('POST', `/accounts/${account.id}/playbook-runs`, { playbookId: archived.id }, csm.headers);
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'PLAYBOOK_ARCHIVED']);
    assert.equal((await call('PUT', `/playbooks/${archived.id}`, riskPlay())).status, 409);
    const listed = (await call('GET', '/playbooks')).body.items.map((p: { id: string }) => p.id);
    assert.ok(!listed.includes(archived.id));
    assert.ok((await call('GET', '/playbooks?includeArchived=true')).body.items.some((p: { id: string }) => p.id === archived.id));

    const disabled = (await call('POST', '/playbooks', { ...riskPlay(), name: 'Draft play', enabled: false })).body;
    const off = await call('POST', `/accounts/${account.id}/playbook-runs`, { playbookId: disabled.id }, csm.headers);
    assert.deepEqual([off.status, off.body.error.code], [409, 'PLAYBOOK_DISABLED']);
  });

  it('gives a task to the lead when the account has no owner, and keeps other workspaces out', async () => {
    const orphan = await t.services.accounts.createAccount(ws.id, { name: 'Orphan' });
    const playbook = (await call('POST', '/playbooks', { ...riskPlay(), name: 'Orphan play', steps: [riskPlay().steps[2]!] })).body;
    const run = await call(
      'POST',
      `/accounts/${orphan.id}/playbook-runs`,
      { playbookId: playbook.id, ctaTitle: 'Who owns this?' },
      csm.headers,
    );
    const [task] = (await call('GET', `/tasks?playbookRunId=${run.body.id}`)).body.items;
    assert.equal(task.ownerId, manager.id);
    assert.equal((await call('GET', `/ctas/${run.body.ctaId}`)).body.title, 'Who owns this?');

    const other = await createTestWorkspace(t.services, 'Elsewhere');
    const theirs = await t.services.accounts.createAccount(other.id, { name: 'Theirs' });
    const cross = await call('POST', `/accounts/${theirs.id}/playbook-runs`, { playbookId: playbook.id });
    assert.equal(cross.status, 404);
    await assert.rejects(
      t.services.playbooks.startPlaybook(other.id, { playbookId: playbook.id, accountId: theirs.id, cta: { reason: 'risk' } }),
      {
        code: 'PLAYBOOK_NOT_FOUND',
      },
    );
  });
});
