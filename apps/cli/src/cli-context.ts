import { createServices, loadConfig, openMigratedDatabase, type Services } from '@northstar/server';
import { cliIo } from './cli-io';

/**
 * Runs `fn` with the services. Inside the server (a forwarded command) those are the server's own;
 * otherwise this opens the configured database (migrating it) and always closes it again, so the
 * embedded data dir is released.
 */
export async function withServices<T>(commandName: string, fn: (services: Services) => Promise<T>): Promise<T> {
  const inServer = cliIo().services;
  if (inServer) return fn(inServer);
  const config = loadConfig();
  const database = await openMigratedDatabase(config, `northstar ${commandName}`);
  try {
    return await fn(createServices({ database }));
  } finally {
    await database.close();
  }
}
