import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase, redactUrl, type Database } from './platform/db/database';
import { migrateDatabase } from './platform/db/migrate';
import { createJobQueue } from './platform/jobs/job-queue';
import { createServices, type Services } from './services';
import { registerJobs } from './jobs';
import { RULES_PROCESS_EVENTS_JOB } from './modules/rules';
import { USAGE_ROLLUP_JOB } from './modules/usage-analytics';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Opens the configured engine and brings its schema up to date. */
export async function openMigratedDatabase(config: Config, owner: string): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.pgPoolSize,
    owner,
  });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export type RunningServer = { url: string; services: Services; stop: () => Promise<void>; onStop: (hook: () => Promise<void>) => void };

/**
 * The server process: API (and UI), background worker and scheduler, by configured roles.
 * SIGTERM/SIGINT drain in-flight requests, stop the queue, then close the database.
 */
export async function startServer(config: Config, options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const database = await openMigratedDatabase(config, 'northstar server');
  const services = createServices({ database });
  const app = await buildApp({
    services,
    logLevel: config.logLevel,
    secureCookies: config.secureCookies,
    webDist: config.webDist ?? DEFAULT_WEB_DIST,
  });
  const jobs = createJobQueue(database, app.log);
  registerJobs(jobs, services);
  if (config.roles.has('worker') || config.roles.has('scheduler')) {
    await jobs.start({ work: config.roles.has('worker'), schedule: config.roles.has('scheduler') });
    // The rollup and rule-event chains would otherwise begin only at the next minute's cron tick.
    await jobs.send(USAGE_ROLLUP_JOB, {});
    await jobs.send(RULES_PROCESS_EVENTS_JOB, {});
  }
  let url = '';
  if (config.roles.has('api')) {
    // Ingest worker threads load before the first large tracking request instead of delaying it.
    services.usage.startWorkers();
    url = await app.listen({ port: config.port, host: config.host });
  } else {
    await app.ready();
  }
  app.log.info(
    { engine: database.engine, where: config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir, roles: [...config.roles] },
    'northstar started',
  );

  let lastConnectionAt = Date.now();
  app.server.on('connection', () => {
    lastConnectionAt = Date.now();
  });
  let stopping: Promise<void> | undefined;
  const stopHooks: (() => Promise<void>)[] = [];
  const stop = () => {
    stopping ??= (async () => {
      for (const hook of stopHooks) await hook();
      app.log.info({ quietMs: config.shutdownGraceMs }, 'shutting down: draining requests');
      // Connections a client opened just before the signal may still sit in the kernel's accept
      // queue; closing the listener at once would reset them. Keep accepting until no new
      // connection has arrived for a quiet period (at most 10 s), then close, which waits for
      // every request in flight.
      await waitForQuietListener(() => lastConnectionAt, config.shutdownGraceMs, 10_000);
      await app.close();
      await jobs.stop();
      await database.close();
    })();
    return stopping;
  };
  if (options.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      });
    }
  }
  return { url, services, stop, onStop: (hook) => stopHooks.push(hook) };
}

async function waitForQuietListener(lastConnectionAt: () => number, quietMs: number, maxMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, quietMs)));
    // One more turn through the poll phase, so connections that queued up while the loop was
    // busy are accepted (and counted) before the quiet period is judged.
    await new Promise((resolve) => setImmediate(resolve));
    const now = Date.now();
    if (now - Math.max(lastConnectionAt(), started) >= quietMs || now - started >= maxMs) return;
  }
}
