import { InvalidArgumentError, type Command } from 'commander';
import type { TierRecomputeResult } from '@northstar/contracts';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

/** `northstar tiers recompute`: the hourly job, now, printing each tier's count and ARR share. */
export function registerTiersCommand(program: Command): void {
  const tiers = program.command('tiers').description('Auto-tiering (S/A/B/C by ARR and engagement)');
  tiers
    .command('recompute')
    .description('Recompute every account’s tier now and print the counts and ARR shares')
    .option('--workspace <slug>', 'workspace (optional when there is only one)')
    .option('--today <date>', 'reference date YYYY-MM-DD for the engagement window (default: today)', parseDate)
    .option('--json', 'print the result as JSON')
    .action(async (options: { workspace?: string; today?: string; json?: boolean }) => {
      const result = await withServices('tiers recompute', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        return { slug: workspace.slug, ...(await services.tiers.recomputeTiers(workspace.id, options.today ? { today: options.today } : {})) };
      });
      cliIo().stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatTierRecompute(result.slug, result));
    });
}

export function formatTierRecompute(slug: string, result: TierRecomputeResult): string {
  const lines = result.tiers.map(
    (s) =>
      `  ${s.tier}  ${String(s.accounts).padStart(6)} accounts (${percent(s.accountShare).padStart(4)})  ${percent(s.arrShare).padStart(4)} of ARR`,
  );
  return [`Tiers of ${slug}: ${result.accounts} accounts, ${result.changed} changed.`, ...lines, ''].join('\n');
}

function parseDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('the date must be a real calendar date as YYYY-MM-DD');
  }
  return value;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
