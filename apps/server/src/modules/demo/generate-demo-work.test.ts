import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LifecycleStage } from '@northstar/contracts';
import { calculateCoverage, type StageEffort } from '../coverage';
import { calculatePeriod, calculateSopMetrics } from '../work-metrics';
import { addDays } from './demo-dates';
import { DEMO_PLAYBOOKS } from './demo-playbooks';
import type { DemoPlan } from './demo-plan';
import { generateDemoPlan } from './generate-demo-plan';
import type { DemoStay } from './generate-demo-stage-history';
import { DEMO_CSM_STYLES, DEMO_STRUGGLING_CSM } from './generate-demo-touches';

const today = '2026-05-01';
const plans = [generateDemoPlan({ seed: 1, today }), generateDemoPlan({ seed: 7, today })];

/** The coverage page's numbers, computed from the plan with the product's own pure code. */
function coverageOf(plan: DemoPlan) {
  const work = plan.work!;
  const period = calculatePeriod({}, today, 365);
  assert.ok(!('problem' in period));
  const tally = (rows: { accountKey: string; stage: LifecycleStage }[]): StageEffort[] => {
    const counts = new Map<string, StageEffort>();
    for (const row of rows) {
      const key = `${row.accountKey}|${row.stage}`;
      const entry = counts.get(key) ?? { accountId: row.accountKey, stage: row.stage, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    return [...counts.values()];
  };
  const inPeriod = (iso: string | null) => iso !== null && iso >= period.start.toISOString() && iso < period.end.toISOString();
  return calculateCoverage({
    accounts: plan.accounts.map((a) => ({
      id: a.key,
      name: a.name,
      ownerId: a.ownerKey,
      tier: a.tier,
      stage: a.lifecycleStage,
      arr: a.arr,
      status: a.status,
    })),
    stays: work.stays.map((s) => ({
      accountId: s.accountKey,
      stage: s.stage,
      enteredAt: new Date(`${s.enteredAt}T00:00:00Z`),
      leftAt: s.leftAt ? new Date(`${s.leftAt}T00:00:00Z`) : null,
    })),
    touches: tally(work.touches.filter((t) => inPeriod(t.occurredAt))),
    tasks: tally(work.tasks.filter((t) => t.status === 'done' && inPeriod(t.closedAt))),
    lastTouches: new Map(),
    people: new Map(plan.people.map((p) => [p.key, p.name])),
    period,
    now: new Date(`${today}T00:00:00Z`),
    staleDays: 60,
  });
}

function sopOf(plan: DemoPlan, days: number) {
  const from = addDays(today, -days);
  return calculateSopMetrics({
    tasks: plan
      .work!.tasks.filter((t) => t.createdAt.slice(0, 10) >= from)
      .map((t) => ({
        playbookId: t.playbookKey,
        stepKey: t.stepKey,
        title: t.title,
        ownerId: t.ownerKey,
        status: t.status,
        dueDate: t.dueDate,
        createdAt: t.createdAt,
        closedAt: t.closedAt,
        skipReason: t.skipReason,
      })),
    playbooks: Object.entries(DEMO_PLAYBOOKS).map(([id, p]) => ({ id, name: p.name, steps: p.steps })),
    people: new Map(plan.people.map((p) => [p.key, p.name])),
    from,
    to: today,
    today,
  });
}

describe('demo work plan', () => {
  it('gives every account a contiguous stage history ending in its stage', () => {
    for (const plan of plans) {
      const byAccount = new Map<string, DemoStay[]>();
      for (const stay of plan.work!.stays) byAccount.set(stay.accountKey, [...(byAccount.get(stay.accountKey) ?? []), stay]);
      for (const account of plan.accounts) {
        const stays = byAccount.get(account.key)!;
        assert.equal(stays.at(-1)!.stage, account.lifecycleStage, account.key);
        assert.equal(stays.at(-1)!.leftAt, null);
        stays.slice(0, -1).forEach((s, i) => {
          assert.equal(s.leftAt, stays[i + 1]!.enteredAt);
          assert.ok(s.enteredAt < s.leftAt!, `${account.key}: empty stay in ${s.stage}`);
        });
      }
    }
  });

  it('dates touches and tasks within the year, before any churn, with people still at the account', () => {
    for (const plan of plans) {
      const accounts = new Map(plan.accounts.map((a) => [a.key, a]));
      const contacts = new Map(plan.contacts.map((c) => [c.key, c]));
      const work = plan.work!;
      assert.ok(work.touches.length > 3000, `${work.touches.length} touches`);
      for (const t of work.touches) {
        const account = accounts.get(t.accountKey)!;
        assert.ok(t.occurredAt >= `${addDays(today, -365)}` && t.occurredAt < `${account.churnDate ?? today}`, t.key);
        for (const key of t.contactKeys) {
          const c = contacts.get(key)!;
          assert.equal(c.accountKey, t.accountKey);
          assert.ok(c.leftAt === null || c.leftAt > t.occurredAt.slice(0, 10));
        }
      }
      for (const task of work.tasks) {
        if (task.closedAt) assert.ok(task.closedAt > task.createdAt && task.closedAt < `${today}T23:59`, task.key);
        if (task.status === 'skipped') assert.ok(task.skipReason);
        if (accounts.get(task.accountKey)!.status === 'churned') assert.notEqual(task.status, 'open');
      }
      // One open CTA per account and playbook, as the database's unique index demands.
      const open = work.runs.filter((r) => r.cta.status === 'open').map((r) => `${r.accountKey}|${r.playbookKey}`);
      assert.equal(new Set(open).size, open.length);
    }
  });

  it('shows balanced CSMs, one top-heavy and one dumbbell on the coverage page', () => {
    for (const plan of plans) {
      const coverage = coverageOf(plan);
      const patterns = Object.fromEntries(coverage.csms.map((c) => [c.key, c.pattern]));
      assert.deepEqual(patterns, DEMO_CSM_STYLES, JSON.stringify(coverage.csms.map((c) => [c.key, c.phases])));
      assert.ok(coverage.tiers.every((t) => t.pattern !== 'insufficient_data'));
    }
  });

  it('shows the risk play as a playbook problem and the struggling CSM as a people problem', () => {
    for (const plan of plans) {
      for (const days of [365, 90]) {
        const sop = sopOf(plan, days);
        const verdicts = Object.fromEntries(sop.playbooks.map((p) => [p.playbookId, [p.diagnosis, p.strugglingCsmIds]]));
        assert.equal(verdicts.risk![0], 'playbook_problem', `${days} days: ${JSON.stringify(verdicts)}`);
        if (days === 365) {
          assert.deepEqual(verdicts.onboarding, ['people_problem', [DEMO_STRUGGLING_CSM]]);
          assert.deepEqual(verdicts.renewal, ['people_problem', [DEMO_STRUGGLING_CSM]]);
        } else {
          // A quarter holds fewer onboardings: the struggling CSM stands out, others may wobble.
          assert.ok((verdicts.onboarding![1] as string[]).includes(DEMO_STRUGGLING_CSM), JSON.stringify(verdicts.onboarding));
          assert.ok((verdicts.renewal![1] as string[]).includes(DEMO_STRUGGLING_CSM), JSON.stringify(verdicts.renewal));
        }
        assert.ok(sop.team.completedLate > 0 && sop.team.skipped > 0 && sop.team.overdue > 0);
      }
    }
  });
});
