import type { Command } from 'commander';
import { registerHealthBacktestCommand } from './backtest-health';
import { registerHealthRebuildCommand } from './rebuild-health';
import { registerHealthRecomputeCommand } from './recompute-health';

/** `northstar health …`: recompute, rebuild history, backtest against real churn. */
export function registerHealthCommands(program: Command): void {
  const health = program.command('health').description('Health scores: recompute, rebuild history, backtest against churn');
  registerHealthRecomputeCommand(health);
  registerHealthRebuildCommand(health);
  registerHealthBacktestCommand(health);
}
