import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `northstar health rebuild --from DATE`: daily history from the data as of each day. */
export function registerHealthRebuildCommand(health: Command): void {
  health
    .command('rebuild')
    .description('Recompute the daily health history from a date to today, each day from the data as of that day')
    .requiredOption('--from <date>', 'first day to rebuild, YYYY-MM-DD')
    .option('--to <date>', 'last day to rebuild, YYYY-MM-DD (default: today)')
    .option('--workspace <slug>', 'workspace (optional when there is only one)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { from: string; to?: string; workspace?: string; json?: boolean }) => {
      const io = cliIo();
      for (const [field, value] of [
        ['--from', options.from],
        ['--to', options.to],
      ] as const) {
        if (value !== undefined && !DATE.test(value)) {
          throw new AppError('VALIDATION_FAILED', `${field} must be a date, YYYY-MM-DD`, [{ field, problem: 'not a YYYY-MM-DD date' }]);
        }
      }
      const bar = new cliProgress.SingleBar(
        {
          stream: io.stderr,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          format: 'rebuilding [{bar}] {value}/{total} days | {date} | ETA {eta_formatted}',
        },
        cliProgress.Presets.shades_classic,
      );
      const result = await withServices('health rebuild', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        let begun = false;
        const totals = await services.health.rebuildHealth(
          workspace.id,
          { from: options.from, ...(options.to ? { to: options.to } : {}) },
          (done, total, date) => {
            if (!begun) bar.start(total, 0, { date });
            begun = true;
            bar.update(done, { date });
          },
        );
        if (begun) bar.stop();
        return { workspace: workspace.slug, ...totals };
      });
      io.stdout.write(
        options.json
          ? `${JSON.stringify(result)}\n`
          : `Rebuilt health of ${result.workspace} ${result.from} … ${result.to}: ${result.days} days, ${result.snapshots} snapshots in ${(result.durationMs / 1000).toFixed(1)} s.\n`,
      );
    });
}
