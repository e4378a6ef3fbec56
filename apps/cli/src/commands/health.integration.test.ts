import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, runCli, type TestEnv } from '../../test/cli-process';

// The CLI acceptance: `northstar health recompute | rebuild | backtest` on demo data, as
// real processes. The demo is built as of today, so the backtest's "now" is where its data ends.
describe('northstar health (real process)', () => {
  let target: TestEnv;

  before(async () => {
    target = await createTestEnv();
    const demo = await runCli(['demo', '--seed', '3', '--json'], target.env, 600_000);
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(async () => {
    await target.cleanup();
  });

  it('recomputes today’s scores and says how many accounts and band changes', async () => {
    const run = await runCli(['health', 'recompute', '--workspace', 'demo'], target.env, 300_000);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Scored \d{3} accounts of demo for \d{4}-\d{2}-\d{2} in [\d.]+ s: \d+ band changes, \d+ score drops\.\n$/);
  });

  it('rebuilds history from a date with a progress bar on stderr', async () => {
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const run = await runCli(['health', 'rebuild', '--from', from, '--workspace', 'demo', '--json'], target.env, 300_000);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.from, from);
    assert.equal(result.days, 3);
    assert.ok(result.snapshots > 300);
    assert.match(run.stderr, /rebuilding \[.*\] 3\/3 days/);
    const bad = await runCli(['health', 'rebuild', '--from', 'yesterday'], target.env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--from must be a date/);
  });

  it('backtests the demo: an AUC well above chance, churn per band, each measure’s AUC, as text and JSON', async () => {
    const json = await runCli(['health', 'backtest', '--horizon', '90d', '--json'], target.env, 300_000);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    for (const key of ['auc', 'accounts', 'churned', 'bands', 'measures']) assert.ok(key in report, key);
    assert.ok(report.auc > 0.65 && report.auc < 0.97, `AUC ${report.auc}`);
    assert.ok(report.accounts > 200 && report.churned > 20, `${report.accounts} accounts, ${report.churned} churned`);
    assert.deepEqual(
      report.bands.map((b: { band: string }) => b.band),
      ['red', 'yellow', 'green', 'no_data'],
    );
    const red = report.bands[0];
    const green = report.bands[2];
    assert.ok(red.churnRate > green.churnRate, 'red churns more than green');
    for (const measure of report.measures) assert.deepEqual(Object.keys(measure).slice(0, 1), ['name']);
    assert.ok(
      report.measures.filter((m: { auc: number | null }) => m.auc !== null && m.auc > 0.55).length >= 4,
      'several measures carry signal',
    );

    const text = await runCli(['health', 'backtest', '--horizon', '90'], target.env, 300_000);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\nROC AUC: 0\.\d{3} /);
    assert.match(text.stdout, /\n {2}red +\d+ accounts +\d+ churned/);
    assert.match(text.stdout, /\nLowest-decile lift: [\d.]+×/);
    assert.match(text.stdout, /\n {2}seat_utilisation +0\.\d{3}/);
    assert.match(text.stdout, /\nSuggested weights \(L2-regularised logistic regression/);
    assert.match(text.stdout, /AUC 0\.\d{3} → 0\.\d{3} cross-validated over 5 folds/);

    const bad = await runCli(['health', 'backtest', '--horizon', 'forever'], target.env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--horizon must be a number of days/);
  });
});
