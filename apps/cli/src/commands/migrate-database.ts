import type { Command } from 'commander';
import { loadConfig, migrateDatabase, openDatabase, type Database } from '@northstar/server';
import { cliIo } from '../cli-io';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this at start)')
    .action(async () => {
      const config = loadConfig();
      const inServer = cliIo().services?.database;
      const database: Database = inServer ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, owner: 'northstar migrate' }));
      try {
        const report = await migrateDatabase(database);
        const where = database.engine === 'postgres' ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
        cliIo().stdout.write(
          report.applied === 0
            ? `The ${where} is up to date (${report.total} migrations).\n`
            : `Applied ${report.applied} migration(s) to the ${where}; ${report.total} in all.\n`,
        );
      } finally {
        if (!inServer) await database.close();
      }
    });
}
