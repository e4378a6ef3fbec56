import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createServices, type Services } from '../../services';
import { createTestDatabase } from '../../testing/test-database';
import type { Database } from '../../platform/db/database';
import { DEMO_STEPS } from './demo-steps';
import type { DemoPlan } from './demo-plan';
import { generateDemoPlan } from './generate-demo-plan';

// The work step's rows as the product reads them, without the whole (slow) demo build: accounts,
// contacts and work written the way createDemo writes them, then read through the services.
describe('demo work rows', () => {
  const today = '2026-05-01';
  let database: Database;
  let services: Services;
  let plan: DemoPlan;
  let workspaceId: string;

  before(async () => {
    database = await createTestDatabase();
    services = createServices({ database, clock: fixedClock(new Date(`${today}T12:00:00.000Z`)) });
    plan = generateDemoPlan({ seed: 4, today, accountCount: 150 });
    const setup = await services.setupWorkspace({
      name: 'Work demo',
      slug: 'work-demo',
      adminEmail: 'wd-admin@example.com',
      adminPassword: 'long-enough-pw',
    });
    workspaceId = setup.workspace.id;
    const ids = new Map<string, string>([['admin', setup.admin.id]]);
    for (const person of plan.people.slice(1)) {
      const member = await services.users.addMemberWithPassword(workspaceId, {
        email: `wd-${person.email}`,
        name: person.name,
        password: 'long-enough-pw',
        role: person.role,
      });
      ids.set(person.key, member.id);
    }
    let rows = 0;
    await database.db.transaction(async (tx) => {
      for (const step of DEMO_STEPS.filter((s) => ['accounts', 'contacts', 'work'].includes(s.name))) {
        await step.write({ db: tx, workspaceId, ids, onRows: (n) => (rows += n), usage: undefined as never }, plan);
      }
    });
    const counted = DEMO_STEPS.filter((s) => ['accounts', 'contacts', 'work'].includes(s.name)).reduce(
      (sum, s) => sum + s.countRows(plan),
      0,
    );
    assert.equal(rows, counted, 'progress reports every counted row');
  });
  after(() => database.close());

  const count = async (table: string) =>
    Number((await database.query(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId])).rows[0]!.n);

  it('writes every planned stay, touch, run, CTA and task', async () => {
    const work = plan.work!;
    assert.equal(await count('lifecycle_stage_history'), work.stays.length);
    assert.equal(await count('touches'), work.touches.length);
    assert.equal(
      await count('touch_contacts'),
      work.touches.reduce((sum, t) => sum + t.contactKeys.length, 0),
    );
    assert.equal(await count('playbook_runs'), work.runs.length);
    assert.equal(await count('ctas'), work.runs.length);
    assert.equal(await count('tasks'), work.tasks.length);
    assert.equal((await services.playbooks.listPlaybooks(workspaceId)).length, 3);
  });

  it('leaves the lifecycle rules nothing to backfill', async () => {
    // The first run may still move a handoff account whose checklist the demo's people complete,
    // as it did before the demo wrote history; after it, the history and the rules agree.
    assert.equal((await services.lifecycle.evaluateStageRules(workspaceId, { today })).backfilled, 0);
    assert.deepEqual(await services.lifecycle.evaluateStageRules(workspaceId, { today }), { backfilled: 0, moved: 0 });
  });

  it('moves key people’s last-contacted dates up to their latest touch', async () => {
    const { rows } = await database.query(
      `SELECT count(*) AS n FROM contacts c WHERE c.workspace_id = $1 AND EXISTS (
         SELECT 1 FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
          WHERE tc.contact_id = c.id AND (c.last_contacted_at IS NULL OR t.occurred_at > c.last_contacted_at))`,
      [workspaceId],
    );
    assert.equal(Number(rows[0]!.n), 0);
  });

  it('reads back through the timeline, the inbox, the runs and the reports', async () => {
    const account = plan.accounts.find((a) => a.status === 'active' && plan.work!.touches.some((t) => t.accountKey === a.key))!;
    const accountId = (await services.accounts.listAccounts(workspaceId, { externalId: account.key })).items[0]!.id;
    const timeline = await services.timeline.getTimeline(workspaceId, accountId, { limit: 500 });
    assert.equal(
      timeline.items.filter((i) => i.kind === 'touch').length,
      plan.work!.touches.filter((t) => t.accountKey === account.key).length,
    );
    const runs = await services.playbooks.listRuns(workspaceId, { limit: 500 });
    assert.ok(runs.items.length > 0 && runs.items.every((r) => r.steps.length > 0));
    const sop = await services.workMetrics.getSopMetrics(workspaceId, { from: '2025-05-01' });
    assert.equal(sop.team.started, plan.work!.tasks.filter((t) => t.createdAt >= '2025-05-01' && t.createdAt < '2026-05-02').length);
    const open = plan.work!.tasks.filter((t) => t.status === 'open').length;
    assert.equal(sop.team.open, open);
    const coverage = await services.coverage.getCoverage(workspaceId, {});
    assert.equal(coverage.team.accounts, plan.accounts.filter((a) => a.contractStart < today).length);
  });
});
