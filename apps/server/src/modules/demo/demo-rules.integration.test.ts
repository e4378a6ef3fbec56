import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { createServices, type Services } from '../../services';
import { createTestDatabase } from '../../testing/test-database';

describe('the demo’s rules', () => {
  const today = '2026-03-02';
  const clock = fixedClock(new Date(`${today}T10:00:00.000Z`));
  let database: Database;
  let services: Services;
  let workspaceId: string;
  let adminId: string;

  before(async () => {
    database = await createTestDatabase();
    services = createServices({ database, clock });
    const demo = await services.demo.createDemo({ seed: 11, today, accountCount: 40 });
    workspaceId = demo.workspace.id;
    adminId = String((await database.query(`SELECT id FROM users WHERE email = 'admin@demo.northstar.dev'`)).rows[0]!.id);
  });
  after(() => database.close());

  it('has the onboarding SOP, the risk plays and the 90-day renewal play, enabled, with their past runs as firings', async () => {
    const rules = await services.rules.listRules(workspaceId);
    assert.deepEqual(rules.map((r) => r.trigger.type).sort(), [
      'health_band_changed',
      'health_score_dropped',
      'renewal_in_days',
      'stage_entered',
    ]);
    assert.ok(rules.every((r) => r.enabled));
    for (const rule of rules.filter((r) => r.trigger.type !== 'health_score_dropped')) {
      assert.ok(rule.firedCount > 0, `${rule.name} has history`);
      const firings = await services.rules.listFirings(workspaceId, rule.id, { limit: 5 });
      assert.ok(firings.items.every((f) => f.outcome === 'fired' && f.ctaId && f.playbookRunId));
    }
    // An open CTA of a rule carries its cause key, so it de-duplicates like a live firing.
    const open = await services.tasks.listOpenCtas(workspaceId);
    const fromRules = open.filter((c) => c.ruleId);
    assert.ok(fromRules.length > 0);
    assert.ok(fromRules.every((c) => c.causeKey?.startsWith(`rule:${c.ruleId}:`)));
  });

  it('does not fire for the build itself, then fires on the next real change', async () => {
    const first = await services.rules.evaluateNow(workspaceId);
    assert.equal(first.fired, 0, JSON.stringify(first));
    const onboarding = (await services.rules.listRules(workspaceId)).find((r) => r.trigger.type === 'stage_entered')!;
    const before = onboarding.firedCount;
    const { rows } = await database.query(
      `SELECT id FROM accounts WHERE workspace_id = $1 AND lifecycle_stage IN ('handoff', 'rollout', 'stable') AND status = 'active' AND deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ctas c WHERE c.account_id = accounts.id AND c.status = 'open' AND c.rule_id = $2)
       ORDER BY name LIMIT 1`,
      [workspaceId, onboarding.id],
    );
    const accountId = String(rows[0]!.id);
    await services.lifecycle.setStage(workspaceId, adminId, accountId, { stage: 'onboarding' });
    assert.equal((await services.rules.processEvents(workspaceId)).fired, 1);
    assert.equal((await services.rules.getRule(workspaceId, onboarding.id)).firedCount, before + 1);
    const ctas = await services.tasks.listOpenCtas(workspaceId, { accountId });
    assert.ok(ctas.some((c) => c.ruleId === onboarding.id && c.title === onboarding.name));
  });
});
