import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `northstar usage rebuild --from DATE`: recompute the usage rollups from the raw events. */
export function registerUsageCommand(program: Command): void {
  const usage = program.command('usage').description('Product usage: rollups over the raw events');
  usage
    .command('rebuild')
    .description('Rebuild the daily usage rollups from the raw events, from a local date to today (idempotent)')
    .requiredOption('--from <date>', 'first local day to rebuild, YYYY-MM-DD')
    .option('--to <date>', 'last local day to rebuild, YYYY-MM-DD (default: tomorrow, to cover every time zone)')
    .option('--workspace <slug>', 'only this workspace (default: every workspace)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { from: string; to?: string; workspace?: string; json?: boolean }) => {
      const io = cliIo();
      for (const [field, value] of [
        ['--from', options.from],
        ['--to', options.to],
      ] as const) {
        if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
          throw new AppError('VALIDATION_FAILED', `${field} must be a date, YYYY-MM-DD`, [{ field, problem: 'not a YYYY-MM-DD date' }]);
        }
      }
      const to = options.to ?? new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
      const bar = new cliProgress.SingleBar(
        {
          stream: io.stderr,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          format: 'rebuilding [{bar}] {value}/{total} weeks | ETA {eta_formatted}',
        },
        cliProgress.Presets.shades_classic,
      );
      const started = performance.now();
      const result = await withServices('usage rebuild', async (services) => {
        const workspaceId = options.workspace ? (await services.workspaces.resolveWorkspace(options.workspace)).id : undefined;
        let begun = false;
        const totals = await services.usageAnalytics.rebuildRollups({ from: options.from, to, workspaceId }, (done, total) => {
          if (!begun) bar.start(total, 0);
          begun = true;
          bar.update(done);
        });
        if (begun) bar.stop();
        return totals;
      });
      const seconds = (performance.now() - started) / 1000;
      io.stdout.write(
        options.json
          ? `${JSON.stringify({ from: options.from, to, ...result, seconds })}\n`
          : `Rebuilt usage ${options.from} … ${to}: ${result.accountDays} account-days, ${result.userDays} user-days in ${seconds.toFixed(1)} s.\n`,
      );
    });
}
