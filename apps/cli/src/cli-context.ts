import { createServices, loadConfig, openMigratedDatabase, type Services } from '@northstar/server';

/**
 * Opens the configured database (migrating it), builds the services, runs `fn`, and always
 * closes again, so the embedded data dir is released for the server.
 */
export async function withServices<T>(commandName: string, fn: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config, `northstar ${commandName}`);
  try {
    return await fn(createServices({ database }));
  } finally {
    await database.close();
  }
}
