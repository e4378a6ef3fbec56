import { Command } from 'commander';
import { registerDemoCommand } from './commands/create-demo';
import { registerExportCommand } from './commands/export-accounts';
import { registerImportCommand } from './commands/import-records';
import { registerMigrateCommand } from './commands/migrate-database';
import { registerSetupCommand } from './commands/setup-workspace';
import { registerStartCommand } from './commands/start-server';
import { registerTiersCommand } from './commands/recompute-tiers';
import { registerSegmentsCommand } from './commands/list-segments';
import { registerUsageCommand } from './commands/rebuild-usage';
import { registerTasksCommand } from './commands/list-tasks';
import { registerHealthCommands } from './commands/health-command';
import { cliIo } from './cli-io';

/**
 * The whole `northstar` command tree. Built per invocation, so a server can run several forwarded
 * commands at once; output goes wherever cliIo() points.
 */
export function createProgram(options: { insideServer?: boolean } = {}): Command {
  const program = new Command()
    .name('northstar')
    .description('Northstar, the open-source customer success platform.\nSettings come from DATABASE_URL and NORTHSTAR_* (see the README).')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true })
    .configureOutput({
      writeOut: (text) => cliIo().stdout.write(text),
      writeErr: (text) => cliIo().stderr.write(text),
    });
  // Inside the server, --help or a usage error must end the command, not the server process.
  // Set before the subcommands are added: commander copies it to each of them.
  if (options.insideServer) program.exitOverride();

  registerStartCommand(program);
  registerSetupCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerTiersCommand(program);
  registerSegmentsCommand(program);
  registerUsageCommand(program);
  registerTasksCommand(program);
  registerHealthCommands(program);
  return program;
}
