import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BacktestAccount } from './calculate-backtest-report';
import { calculateBacktestReport } from './calculate-backtest-report';
import { defaultScorecards } from './default-scorecards';
import { validateScorecard } from './scorecard';
import { suggestScorecardWeights } from './suggest-scorecard-weights';

// mulberry32: a tiny seeded generator so the synthetic portfolio is the same on every run.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scorecard = defaultScorecards()[0]!;

/** A portfolio where churn follows seat use and support tickets; NPS and the rest are noise. */
function syntheticPortfolio(count: number, seed: number): BacktestAccount[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const seats = 5 + random() * 90;
    const tickets = Math.floor(random() * 14);
    const logOddsOfChurn = -1.2 - 0.06 * (seats - 50) + 0.25 * (tickets - 6);
    return {
      accountId: `acct-${String(i).padStart(4, '0')}`,
      churned: random() < 1 / (1 + Math.exp(-logOddsOfChurn)),
      inputs: {
        north_star: random() * 120,
        seat_utilisation: seats,
        active_days_per_user: 1 + random() * 14,
        feature_adoption: random() * 90,
        usage_trend: -50 + random() * 80,
        nps: random() < 0.4 ? null : Math.round(random() * 10),
        csat: 2 + random() * 3,
        support_tickets: tickets,
        csm_sentiment: 1 + Math.floor(random() * 5),
        days_since_key_contact: Math.floor(random() * 120),
      },
    };
  });
}

describe('suggestScorecardWeights', () => {
  const accounts = syntheticPortfolio(800, 11);
  const suggestion = suggestScorecardWeights(scorecard, accounts);
  const weightOf = (key: string) => suggestion.scorecard!.measures.find((m) => m.key === key)!.weight;

  it('moves weight to the measures that predict churn and away from noise', () => {
    assert.ok(suggestion.scorecard);
    assert.ok(weightOf('seat_utilisation') > 25, `seat ${weightOf('seat_utilisation')}`);
    assert.ok(weightOf('support_tickets') > 20, `tickets ${weightOf('support_tickets')}`);
    assert.ok(weightOf('nps') < 25 && weightOf('csat') < 15);
  });

  it('suggests a valid scorecard: non-negative integer weights, each group and the split summing to 100', () => {
    const suggested = suggestion.scorecard!;
    assert.deepEqual(validateScorecard(suggested), []);
    assert.equal(suggested.version, scorecard.version + 1);
    assert.equal(suggested.groups.outcome.weight + suggested.groups.experience.weight, 100);
    for (const group of ['outcome', 'experience'] as const) {
      const weights = suggested.measures.filter((m) => m.group === group).map((m) => m.weight);
      assert.ok(weights.every((w) => Number.isInteger(w) && w >= 0));
      assert.equal(
        weights.reduce((sum, w) => sum + w, 0),
        100,
      );
    }
  });

  it('reports AUC before and after, in sample and cross-validated, and says how', () => {
    assert.ok(suggestion.inSample.suggested! > suggestion.inSample.current!);
    assert.equal(suggestion.crossValidated!.folds, 5);
    assert.ok(suggestion.crossValidated!.suggested! > suggestion.crossValidated!.current!);
    assert.match(suggestion.method, /5-fold stratified cross-validation/);
    assert.equal(suggestion.accounts, 800);
  });

  it('can keep the outcome/experience split and fit only within groups', () => {
    const kept = suggestScorecardWeights(scorecard, accounts, { keepGroupWeights: true, folds: 3 });
    assert.deepEqual(kept.scorecard!.groups, scorecard.groups);
    assert.equal(kept.crossValidated!.folds, 3);
  });

  it('does not depend on the order of the accounts', () => {
    const reversed = suggestScorecardWeights(scorecard, [...accounts].reverse());
    assert.deepEqual(
      reversed.scorecard!.measures.map((m) => m.weight),
      suggestion.scorecard!.measures.map((m) => m.weight),
    );
    assert.ok(Math.abs(reversed.crossValidated!.suggested! - suggestion.crossValidated!.suggested!) < 1e-9);
  });

  it('makes no suggestion when only one outcome is known', () => {
    const allRetained = accounts.map((account) => ({ ...account, churned: false }));
    const none = suggestScorecardWeights(scorecard, allRetained);
    assert.equal(none.scorecard, null);
    assert.equal(none.crossValidated, null);
    assert.equal(none.inSample.current, null);
  });
});

describe('calculateBacktestReport', () => {
  it('reports AUC, churn per band, decile lift and each measure’s own AUC', () => {
    const report = calculateBacktestReport(scorecard, syntheticPortfolio(400, 5));
    assert.equal(report.accounts, 400);
    assert.ok(report.auc.auc! > 0.6);
    const [red, , green] = report.bandChurnRates;
    assert.ok(red!.churnRate! > green!.churnRate!);
    assert.ok(report.decileLift.lowestDecileLift! > 1);
    const seatAuc = report.measureAucs.find((m) => m.key === 'seat_utilisation')!.auc;
    const npsAuc = report.measureAucs.find((m) => m.key === 'nps')!.auc;
    assert.ok(seatAuc.auc! > 0.7 && Math.abs(npsAuc.auc! - 0.5) < 0.1);
    assert.ok(npsAuc.accounts < 400);
  });
});
