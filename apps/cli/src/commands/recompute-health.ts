import type { Command } from 'commander';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `northstar health recompute`: today's scores now (the 5-minute job, on demand). */
export function registerHealthRecomputeCommand(health: Command): void {
  health
    .command('recompute')
    .description('Recompute every account’s health score for today (or --date) now')
    .option('--workspace <slug>', 'workspace (optional when there is only one)')
    .option('--date <date>', 'score this past day instead of today, YYYY-MM-DD')
    .option('--json', 'print the result as JSON')
    .action(async (options: { workspace?: string; date?: string; json?: boolean }) => {
      if (options.date !== undefined && !DATE.test(options.date)) {
        throw new AppError('VALIDATION_FAILED', '--date must be a date, YYYY-MM-DD', [
          { field: '--date', problem: 'not a YYYY-MM-DD date' },
        ]);
      }
      const result = await withServices('health recompute', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        return {
          workspace: workspace.slug,
          ...(await services.health.recomputeHealth(workspace.id, options.date ? { date: options.date } : {})),
        };
      });
      cliIo().stdout.write(
        options.json
          ? `${JSON.stringify(result)}\n`
          : `Scored ${result.accounts} accounts of ${result.workspace} for ${result.date} in ${(result.durationMs / 1000).toFixed(1)} s: ` +
              `${result.bandChanges} band changes, ${result.scoreDrops} score drops.\n`,
      );
    });
}
