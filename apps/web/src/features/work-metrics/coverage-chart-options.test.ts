import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CoveragePortfolio } from '@northstar/contracts';
import { buildCoverageOption, shownIntensity, shownPhase, stageIntensities } from './coverage-chart-options';

const portfolio = (name: string, intensities: Record<string, number | null>): CoveragePortfolio => ({
  key: name,
  name,
  accounts: 3,
  stages: Object.entries(intensities).map(([stage, intensity]) => ({
    stage: stage as CoveragePortfolio['stages'][number]['stage'],
    touches: 0,
    tasks: 0,
    accountDays: 30,
    intensity,
  })),
  phases: { early: null, middle: null, late: null },
  pattern: 'balanced',
});

const labels = { stages: { handoff: 'H', onboarding: 'O', rollout: 'R', stable: 'S', renewal: 'N' }, team: 'Team', axis: 'per 30 days' };

describe('coverage chart options', () => {
  it('hides an intensity measured over less than one account-day', () => {
    assert.equal(shownIntensity({ intensity: 217586.6, accountDays: 0 }), null);
    assert.equal(shownIntensity({ intensity: 2.5, accountDays: 12 }), 2.5);
    assert.equal(shownIntensity(undefined), null);
    const p = { ...portfolio('x', { renewal: 9000, rollout: 1 }), phases: { early: null, middle: 1, late: 9000 } };
    p.stages[0]!.accountDays = 0;
    assert.equal(shownPhase(p, 'late'), null);
    assert.equal(shownPhase(p, 'middle'), 1);
  });

  it('reads intensities in working-stage order, null where the portfolio spent no time', () => {
    assert.deepEqual(stageIntensities(portfolio('a', { renewal: 4, onboarding: 6, handoff: 1 })), [1, 6, null, null, 4]);
  });

  it('draws one bar series per portfolio over the five stages and the team as a dashed line first', () => {
    const dumbbell = portfolio('Chen', { handoff: 2, onboarding: 8, rollout: 0.5, stable: 0.25, renewal: 7.333 });
    const option = buildCoverageOption([dumbbell], portfolio('Team', { onboarding: 3 }), labels);
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['H', 'O', 'R', 'S', 'N']);
    const series = option.series as { name: string; type: string; data: (number | null)[]; lineStyle?: { type: string } }[];
    assert.deepEqual(
      series.map((s) => [s.name, s.type]),
      [
        ['Team', 'line'],
        ['Chen', 'bar'],
      ],
    );
    assert.equal(series[0]!.lineStyle?.type, 'dashed');
    assert.deepEqual(series[1]!.data, [2, 8, 0.5, 0.25, 7.33]);
  });

  it('leaves the team line out when there is none', () => {
    const option = buildCoverageOption([portfolio('S', { rollout: 1 })], undefined, labels);
    assert.equal((option.series as unknown[]).length, 1);
  });
});
