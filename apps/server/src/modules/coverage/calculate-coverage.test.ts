import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LifecycleStage } from '@northstar/contracts';
import {
  calculateAccountDays,
  calculateCoverage,
  classifyCoverage,
  type CoverageAccount,
  type StageEffort,
  type StageStay,
} from './calculate-coverage';

const at = (day: string) => new Date(`${day}T00:00:00.000Z`);
const phase = (effort: number, days: number) => ({ effort, days });

describe('classifyCoverage', () => {
  it('calls a portfolio balanced when the middle keeps at least a fifth of the onboarding rate', () => {
    // Onboarding 4 a month, middle 1 a month, renewal 2 a month.
    assert.equal(classifyCoverage({ early: phase(40, 300), middle: phase(40, 1200), late: phase(20, 300) }), 'balanced');
  });

  it('calls it top-heavy when effort fades after onboarding, renewal included', () => {
    assert.equal(classifyCoverage({ early: phase(40, 300), middle: phase(4, 1200), late: phase(2, 300) }), 'top_heavy');
  });

  it('calls it a dumbbell when onboarding and renewal are busy around a hollow middle', () => {
    assert.equal(classifyCoverage({ early: phase(40, 300), middle: phase(4, 1200), late: phase(30, 300) }), 'dumbbell');
  });

  it('does not judge on too little effort or exposure, and sees no second peak without renewal exposure', () => {
    assert.equal(classifyCoverage({ early: phase(4, 300), middle: phase(1, 1200), late: phase(2, 300) }), 'insufficient_data');
    assert.equal(classifyCoverage({ early: phase(40, 100), middle: phase(4, 1200), late: phase(30, 300) }), 'insufficient_data');
    assert.equal(classifyCoverage({ early: phase(40, 300), middle: phase(4, 1200), late: phase(30, 60) }), 'top_heavy');
  });

  it('sits exactly on the thresholds as documented', () => {
    // Middle at exactly 0.2 of early is balanced; renewal at exactly 0.5 of early is a dumbbell.
    assert.equal(classifyCoverage({ early: phase(30, 300), middle: phase(6, 300), late: phase(0, 300) }), 'balanced');
    assert.equal(classifyCoverage({ early: phase(30, 300), middle: phase(5, 300), late: phase(15, 300) }), 'dumbbell');
  });
});

describe('calculateAccountDays', () => {
  it('clips stays to the period and runs an open stay to now', () => {
    const stays: StageStay[] = [
      { accountId: 'a', stage: 'onboarding', enteredAt: at('2025-12-01'), leftAt: at('2026-01-11') },
      { accountId: 'a', stage: 'rollout', enteredAt: at('2026-01-11'), leftAt: null },
      { accountId: 'a', stage: 'renewed', enteredAt: at('2025-01-01'), leftAt: at('2025-02-01') },
    ];
    const days = calculateAccountDays(stays, at('2026-01-01'), at('2026-03-01'), at('2026-02-01'));
    assert.deepEqual(days.get('a'), { onboarding: 10, rollout: 21 });
  });
});

describe('calculateCoverage', () => {
  const period = { from: '2025-05-01', to: '2026-04-30', start: at('2025-05-01'), end: at('2026-05-01') };
  const now = at('2026-04-30');

  /** A CSM's book: `n` accounts, each 60 days onboarding, 240 in rollout/stable, 60 in renewal within the period. */
  function book(owner: string, n: number, perAccount: Record<'onboarding' | 'stable' | 'renewal', number>) {
    const accounts: CoverageAccount[] = [];
    const stays: StageStay[] = [];
    const touches: StageEffort[] = [];
    for (let i = 0; i < n; i++) {
      const id = `${owner}-${i}`;
      accounts.push({ id, name: id, ownerId: owner, tier: i % 2 ? 'A' : 'C', stage: 'renewal', arr: 1000 * (i + 1), status: 'active' });
      stays.push(
        { accountId: id, stage: 'onboarding', enteredAt: at('2025-05-01'), leftAt: at('2025-06-30') },
        { accountId: id, stage: 'stable', enteredAt: at('2025-06-30'), leftAt: at('2026-02-25') },
        { accountId: id, stage: 'renewal', enteredAt: at('2026-02-25'), leftAt: null },
      );
      for (const stage of ['onboarding', 'stable', 'renewal'] as LifecycleStage[]) {
        touches.push({ accountId: id, stage, count: perAccount[stage as 'onboarding'] });
      }
    }
    return { accounts, stays, touches };
  }

  it('classifies each CSM’s portfolio from touches per account-month in each phase', () => {
    const books = [
      book('balanced', 5, { onboarding: 8, stable: 8, renewal: 4 }),
      book('topheavy', 5, { onboarding: 8, stable: 1, renewal: 0 }),
      book('dumbbell', 5, { onboarding: 8, stable: 1, renewal: 6 }),
    ];
    const coverage = calculateCoverage({
      accounts: books.flatMap((b) => b.accounts),
      stays: books.flatMap((b) => b.stays),
      touches: books.flatMap((b) => b.touches),
      tasks: [{ accountId: 'balanced-0', stage: 'stable', count: 2 }],
      lastTouches: new Map(),
      people: new Map([
        ['balanced', 'Bea'],
        ['topheavy', 'Tom'],
        ['dumbbell', 'Dee'],
      ]),
      period,
      now,
      staleDays: 60,
    });
    assert.deepEqual(
      coverage.csms.map((c) => [c.name, c.pattern]),
      [
        ['Bea', 'balanced'],
        ['Dee', 'dumbbell'],
        ['Tom', 'top_heavy'],
      ],
    );
    const bea = coverage.csms.find((c) => c.key === 'balanced')!;
    const stable = bea.stages.find((s) => s.stage === 'stable')!;
    assert.deepEqual([stable.touches, stable.tasks, stable.accountDays], [40, 2, 5 * 240]);
    // 42 effort over 1200 account-days = 1.05 per 30 days.
    assert.equal(stable.intensity, 1.05);
    assert.equal(bea.stages.find((s) => s.stage === 'handoff')!.intensity, null);
    assert.equal(bea.phases.early, 4);
    assert.equal(coverage.team.accounts, 15);
    assert.deepEqual(
      coverage.tiers.map((t) => [t.key, t.accounts]),
      [
        ['A', 6],
        ['C', 9],
      ],
    );
  });

  it('gives no rate for a stage with under one account-day of exposure, instead of a huge one', () => {
    // Entered renewal ten minutes before "now", touched once there.
    const minutesAgo = new Date(now.getTime() - 10 * 60_000);
    const coverage = calculateCoverage({
      accounts: [{ id: 'x', name: 'x', ownerId: 'o', tier: 'B', stage: 'renewal', arr: 1, status: 'active' }],
      stays: [{ accountId: 'x', stage: 'renewal', enteredAt: minutesAgo, leftAt: null }],
      touches: [{ accountId: 'x', stage: 'renewal', count: 1 }],
      tasks: [],
      lastTouches: new Map(),
      people: new Map([['o', 'Owen']]),
      period,
      now,
      staleDays: 60,
    });
    const renewal = coverage.csms[0]!.stages.find((s) => s.stage === 'renewal')!;
    assert.equal(renewal.touches, 1);
    assert.equal(renewal.intensity, null);
    assert.equal(coverage.csms[0]!.phases.late, null);
  });

  it('lists rollout and stable accounts untouched for staleDays, never-touched and longest silence first', () => {
    const account = (id: string, stage: LifecycleStage, arr: number, status: 'active' | 'churned' = 'active'): CoverageAccount => ({
      id,
      name: id,
      ownerId: 'o',
      tier: 'B',
      stage,
      arr,
      status,
    });
    const coverage = calculateCoverage({
      accounts: [
        account('recent', 'stable', 10),
        account('quiet', 'stable', 10),
        account('quieter', 'rollout', 5),
        account('never', 'rollout', 1),
        account('renewing', 'renewal', 99),
        account('gone', 'stable', 99, 'churned'),
      ],
      stays: [],
      touches: [],
      tasks: [],
      lastTouches: new Map([
        ['recent', at('2026-04-01')],
        ['quiet', at('2026-03-01')],
        ['quieter', at('2025-12-01')],
        ['renewing', at('2025-01-01')],
      ]),
      people: new Map([['o', 'Owen']]),
      period,
      now,
      staleDays: 60,
    });
    assert.deepEqual(
      coverage.staleAccounts.map((a) => [a.accountId, a.daysSinceTouch]),
      [
        ['never', null],
        ['quieter', 150],
        ['quiet', 60],
      ],
    );
    assert.equal(coverage.staleAccountCount, 3);
    assert.equal(coverage.staleAccounts[0]!.ownerName, 'Owen');
  });
});
