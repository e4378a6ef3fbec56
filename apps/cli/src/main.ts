import { Command } from 'commander';
import { registerDemoCommand } from './commands/create-demo';
import { registerExportCommand } from './commands/export-accounts';
import { registerImportCommand } from './commands/import-records';
import { registerMigrateCommand } from './commands/migrate-database';
import { registerSetupCommand } from './commands/setup-workspace';
import { registerStartCommand } from './commands/start-server';
import { runCommand } from './run-command';

const program = new Command()
  .name('northstar')
  .description('Northstar, the open-source customer success platform.\nSettings come from DATABASE_URL and NORTHSTAR_* (see the README).')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

registerStartCommand(program);
registerSetupCommand(program);
registerMigrateCommand(program);
registerDemoCommand(program);
registerImportCommand(program);
registerExportCommand(program);

await runCommand(() => program.parseAsync(process.argv));
