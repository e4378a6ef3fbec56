import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from './demo-dates';
import { DEMO_HISTORY_DAYS } from './generate-demo-health';
import { generateDemoPlan } from './generate-demo-plan';

const today = '2026-05-01';
const plan = generateDemoPlan({ seed: 7, today });
const health = plan.health!;
const accounts = new Map(plan.accounts.map((a) => [a.key, a]));

describe('generateDemoHealth', () => {
  it('is the same for the same seed and date', () => {
    assert.deepEqual(generateDemoPlan({ seed: 7, today }).health, health);
  });

  it('keeps usage history before the raw window, only while the account was a customer', () => {
    const windowStart = plan.usage.start;
    for (const h of health.history) {
      const account = accounts.get(h.accountKey)!;
      assert.ok(h.to < windowStart, `${h.accountKey} history reaches the raw window`);
      assert.ok(h.from >= addDays(windowStart, -DEMO_HISTORY_DAYS));
      assert.ok(h.from >= account.contractStart);
      if (account.churnDate) assert.ok(h.to < account.churnDate);
      assert.ok(h.breadth >= 1 && h.breadth <= 6 && h.dailyUsers > 0 && h.users >= 2);
    }
    assert.ok(health.history.length > 400);
    // Tracked from early enough to score each churned account 90 days before it left, with its windows.
    for (const account of plan.accounts.filter((a) => a.churnDate && a.churnDate > addDays(plan.usage.start, -300))) {
      const h = health.history.find((x) => x.accountKey === account.key)!;
      assert.ok(
        h.from <= addDays(account.churnDate!, -150) || h.from === addDays(account.contractStart, 7),
        `${account.key} from ${h.from}`,
      );
    }
  });

  it('records inputs in range, while the account was a customer, and a target for every account', () => {
    const ranges = { nps: [0, 10], csat: [1, 5], support_tickets: [0, 40], csm_sentiment: [1, 5] } as const;
    for (const input of health.inputs) {
      const [min, max] = ranges[input.kind];
      assert.ok(input.value >= min && input.value <= max, `${input.kind} ${input.value}`);
      const account = accounts.get(input.accountKey)!;
      assert.ok(input.observedAt.slice(0, 10) <= today, input.observedAt);
      if (account.churnDate)
        assert.ok(input.observedAt.slice(0, 10) < account.churnDate, `${input.observedAt} after churn ${account.churnDate}`);
    }
    assert.equal(health.targets.length, plan.accounts.length);
    assert.ok(health.targets.every((t) => t.target > 0));
  });

  it('gives churned accounts worse signals before they left than retained ones, with overlap', () => {
    const npsBefore = (churned: boolean) => {
      const values = health.inputs.filter((i) => {
        const account = accounts.get(i.accountKey)!;
        if (i.kind !== 'nps' || (account.status === 'churned') !== churned) return false;
        return !account.churnDate || i.observedAt.slice(0, 10) >= addDays(account.churnDate, -120);
      });
      return values.map((v) => v.value);
    };
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const churned = npsBefore(true);
    const retained = npsBefore(false);
    assert.ok(mean(churned) < mean(retained) - 1.5, `churned ${mean(churned)} vs retained ${mean(retained)}`);
    assert.ok(
      churned.some((v) => v >= 9),
      'some churners still answered as promoters',
    );
    assert.ok(
      retained.some((v) => v <= 4),
      'some retained accounts were detractors',
    );
  });
});
