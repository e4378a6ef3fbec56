import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SopMetrics } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

const DAY = 86_400_000;

describe('SOP execution metrics API', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csms: TestUser[];
  let manager: TestUser;
  let metrics: SopMetrics;
  let playbookId: string;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Execution Co');
    csms = [await ws.addUser('csm'), await ws.addUser('csm'), await ws.addUser('csm')];
    manager = await ws.addUser('manager');
    const admin = { workspaceId: ws.id, userId: ws.admin.id };
    playbookId = (
      await t.services.playbooks.createPlaybook(admin, {
        name: 'Onboarding SOP',
        description: '',
        ctaReason: 'lifecycle',
        enabled: true,
        steps: [
          {
            key: 'kickoff',
            kind: 'task',
            title: 'Kickoff',
            description: '',
            dueOffsetDays: 2,
            assignee: { kind: 'account_owner' },
            priority: 'high',
          },
        ],
      })
    ).id;
    // Each CSM runs the SOP on five accounts; all three finish one on time, three late, and skip one.
    const taskIds = new Map<string, string[]>();
    for (const csm of csms) {
      for (let i = 0; i < 5; i++) {
        const account = await t.services.accounts.createAccount(ws.id, { name: `${csm.email} ${i}`, ownerId: csm.id });
        const run = await t.services.playbooks.startPlaybook(ws.id, { playbookId, accountId: account.id, cta: { reason: 'lifecycle' } });
        taskIds.set(csm.id, [...(taskIds.get(csm.id) ?? []), ...run.taskIds]);
      }
    }
    for (const csm of csms) {
      const actor = { workspaceId: ws.id, userId: csm.id, role: 'csm' as const };
      const [onTime, ...rest] = taskIds.get(csm.id)!;
      await t.services.tasks.completeTask(actor, onTime!);
      clock.advance(9 * DAY);
      for (const id of rest.slice(0, 3)) await t.services.tasks.completeTask(actor, id);
      await t.services.tasks.skipTask(actor, rest[3]!, { reason: 'Customer not ready' });
      clock.advance(-9 * DAY);
    }
    // A manual task of one CSM, still open and overdue by the time the metrics are read.
    await t.services.tasks.createTask(
      { workspaceId: ws.id, userId: csms[0]!.id, role: 'csm' },
      {
        accountId: (await t.services.accounts.createAccount(ws.id, { name: 'Manual' })).id,
        title: 'Send deck',
        dueDate: '2026-03-05',
      },
    );
    clock.advance(14 * DAY);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/work/sop-metrics?from=2026-02-01', headers: manager.headers });
    assert.equal(res.statusCode, 200, res.body);
    metrics = res.json();
  });
  after(() => t.close());

  it('counts on time, late, skipped with reasons and overdue from the stored tasks', () => {
    assert.equal(metrics.to, '2026-03-15');
    assert.deepEqual(
      {
        started: metrics.team.started,
        onTime: metrics.team.completedOnTime,
        late: metrics.team.completedLate,
        skipped: metrics.team.skipped,
        overdue: metrics.team.overdue,
      },
      { started: 16, onTime: 3, late: 9, skipped: 3, overdue: 1 },
    );
    assert.deepEqual(metrics.team.skipReasons, [{ reason: 'Customer not ready', count: 3 }]);
    // Done at once (0 days) or nine days later: the median is nine.
    assert.equal(metrics.playbooks[0]!.counts.medianDaysToComplete, 9);
  });

  it('flags the playbook, not the people, when every CSM is late on it', () => {
    const [onboarding] = metrics.playbooks;
    assert.equal(onboarding!.playbookId, playbookId);
    assert.equal(onboarding!.diagnosis, 'playbook_problem');
    assert.equal(onboarding!.judgedCsmCount, 3);
    assert.deepEqual(onboarding!.strugglingCsmIds.sort(), csms.map((c) => c.id).sort());
    assert.deepEqual(
      onboarding!.steps.map((s) => [s.key, s.diagnosis]),
      [['kickoff', 'playbook_problem']],
    );
    const first = metrics.csms.find((c) => c.userId === csms[0]!.id)!;
    assert.deepEqual([first.counts.started, first.counts.overdue, first.strugglingPlaybookIds], [6, 1, [playbookId]]);
  });

  it('leaves out tasks created before the period, and refuses a period that runs backwards', async () => {
    const later = await t.app.inject({ method: 'GET', url: '/api/v1/work/sop-metrics?from=2026-03-02', headers: ws.admin.headers });
    assert.equal(later.json().team.started, 0);
    const backwards = await t.app.inject({
      method: 'GET',
      url: '/api/v1/work/sop-metrics?from=2026-03-02&to=2026-03-01',
      headers: ws.admin.headers,
    });
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().error.details[0].field, 'to');
    const csm = await t.app.inject({ method: 'GET', url: '/api/v1/work/sop-metrics', headers: csms[0]!.headers });
    assert.equal(csm.statusCode, 403);
  });

  it('sees only its own workspace', async () => {
    const other = await createTestWorkspace(t.services, 'Elsewhere');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/work/sop-metrics?from=2026-01-01', headers: other.admin.headers });
    assert.deepEqual([res.json().team.started, res.json().playbooks], [0, []]);
  });
});
