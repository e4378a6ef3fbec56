import type { Command } from 'commander';
import type { BacktestReportDto } from '@northstar/contracts';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

/** `northstar health backtest --horizon 90d`: would the scorecard have predicted the churn that happened? */
export function registerHealthBacktestCommand(health: Command): void {
  health
    .command('backtest')
    .description(
      'Score every account with a known outcome (churned, or retained past a renewal) as it stood N days before, and report how well the score predicted churn',
    )
    .option('--horizon <days>', 'days before the outcome, e.g. 90d or 90', '90d')
    .option('--scorecard <id>', 'scorecard to test', 'default')
    .option('--workspace <slug>', 'workspace (optional when there is only one)')
    .option('--json', 'print the report as JSON: {"auc","accounts","churned","bands":[…],"measures":[{"name","auc"}],…}')
    .action(async (options: { horizon: string; scorecard: string; workspace?: string; json?: boolean }) => {
      const match = /^(\d{1,3})d?$/.exec(options.horizon.trim());
      const horizonDays = match ? Number(match[1]) : NaN;
      if (!(horizonDays >= 1 && horizonDays <= 730)) {
        throw new AppError('VALIDATION_FAILED', '--horizon must be a number of days from 1 to 730, e.g. 90d', [
          { field: '--horizon', problem: 'not 1–730 days' },
        ]);
      }
      const report = await withServices('health backtest', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        return services.health.getBacktest(workspace.id, { horizonDays, scorecardId: options.scorecard });
      });
      cliIo().stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatBacktest(report));
    });
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const auc = (value: number | null) => (value === null ? '—' : value.toFixed(3));

/** The report as a terminal reads it. */
export function formatBacktest(r: BacktestReportDto): string {
  const lines = [
    `Backtest of scorecard ${r.scorecardId} v${r.scorecardVersion}: each account scored ${r.horizonDays} days before its outcome (as of ${r.asOf})`,
    `Accounts: ${r.accounts} with a known outcome, ${r.churned} churned (${percent(r.baseChurnRate)}); ${r.scored} scored, mean coverage ${percent(r.meanCoverage)}`,
    `ROC AUC: ${auc(r.auc)}   (0.5 = chance, 1 = every churner scored below every retained account)`,
    'Churn by band:',
    ...r.bands.map(
      (b) =>
        `  ${b.band.replace('_', ' ').padEnd(8)} ${String(b.accounts).padStart(6)} accounts ${String(b.churned).padStart(6)} churned  ${percent(b.churnRate).padStart(6)}`,
    ),
    `Lowest-decile lift: ${r.lowestDecileLift === null ? '—' : `${r.lowestDecileLift.toFixed(2)}×`} the base churn rate`,
    'Each measure’s own AUC:',
    ...r.measures.map((m) => `  ${m.name.padEnd(24)} ${auc(m.auc).padStart(5)}  (${m.accounts} accounts with data)`),
  ];
  const s = r.suggestion;
  if (s) {
    const cv = s.crossValidated;
    lines.push(
      `Suggested weights (${s.method}):`,
      `  groups: outcome ${s.groups.outcome.current} → ${s.groups.outcome.suggested}, experience ${s.groups.experience.current} → ${s.groups.experience.suggested}`,
      ...s.measures.map((m) => `  ${m.key.padEnd(24)} ${String(m.currentWeight).padStart(4)} → ${String(m.suggestedWeight).padStart(4)}`),
      cv && cv.current !== null && cv.suggested !== null
        ? `  AUC ${auc(cv.current)} → ${auc(cv.suggested)} cross-validated over ${cv.folds} folds (in sample ${auc(s.inSample.current)} → ${auc(s.inSample.suggested)})`
        : `  AUC ${auc(s.inSample.current)} → ${auc(s.inSample.suggested)} in sample (too few accounts to cross-validate)`,
      `  Accept as a new version: POST /api/v1/health/scorecards/${r.scorecardId}/accept-suggestion {"horizonDays": ${r.horizonDays}}`,
    );
  } else lines.push('No suggested weights: the backtest needs churned and retained accounts.');
  return `${lines.join('\n')}\n`;
}
