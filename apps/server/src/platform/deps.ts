import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock';
import type { Database } from './db/database';
import type { JobQueue } from './jobs/job-queue';

/** What every module factory receives: the platform's services, passed explicitly. */
export type PlatformDeps = {
  database: Database;
  clock: Clock;
  jobs: JobQueue;
  logger: FastifyBaseLogger;
  secureCookies: boolean;
};
