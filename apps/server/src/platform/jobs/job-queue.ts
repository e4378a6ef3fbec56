import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';

/** A typed background job. Handlers must be idempotent: an expired job is retried. */
export type JobDefinition<T extends object = object> = {
  name: string;
  handler: (data: T) => Promise<void>;
  /** Cron expression (UTC) for periodic jobs run by the scheduler role. */
  schedule?: string;
  /** Collapse sends with the same key while one is queued (e.g. one recompute per workspace). */
  singletonKey?: (data: T) => string;
  retryLimit?: number;
  /** pg-boss queue policy; 'short' keeps at most one queued job per singleton key. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
};

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

export type JobQueue = {
  register: <T extends object>(definition: JobDefinition<T>) => void;
  send: <T extends object>(name: string, data: T, options?: { startAfterSeconds?: number }) => Promise<void>;
  /** Runs a registered handler in-process now (CLI "recompute now", tests). */
  runNow: <T extends object>(name: string, data: T) => Promise<void>;
  start: (options: { work: boolean; schedule: boolean }) => Promise<void>;
  stop: () => Promise<void>;
  definitions: () => JobDefinition[];
};

/**
 * pg-boss behind a small interface. It runs on PostgreSQL through our pool and on PGlite
 * in-process through the same `executeSql` adapter, so both engines share one queue design.
 */
export function createJobQueue(database: Database, logger: FastifyBaseLogger): JobQueue {
  const definitions = new Map<string, JobDefinition>();
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let working = false;

  const executeSql = async (text: string, values: unknown[]) => {
    if (values && values.length > 0) return database.query(text, values);
    if (database.engine === 'postgres') return database.query(text);
    // PGlite's extended protocol takes one statement; pg-boss sends multi-statement scripts
    // without parameters (its migrations), which exec handles.
    const client = database.client as PGlite;
    const results = await client.exec(text);
    return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
  };

  async function ensureStarted(schedule: boolean): Promise<PgBoss> {
    if (boss) return boss;
    starting ??= (async () => {
      const instance = new PgBoss({
        db: { executeSql },
        schema: 'pgboss',
        schedule,
        supervise: true,
        migrate: true,
      });
      instance.on('error', (error) => logger.error({ err: error }, 'job queue error'));
      await instance.start();
      for (const def of definitions.values()) await instance.createQueue(def.name, { name: def.name, ...(def.policy ? { policy: def.policy } : {}) });
      boss = instance;
      return instance;
    })();
    return starting;
  }

  return {
    register(definition) {
      if (definitions.has(definition.name)) throw new Error(`Job ${definition.name} registered twice`);
      definitions.set(definition.name, definition as unknown as JobDefinition);
      if (boss) void boss.createQueue(definition.name, { name: definition.name, ...(definition.policy ? { policy: definition.policy } : {}) });
    },
    async send(name, data, options) {
      const def = definitions.get(name);
      if (!def) throw new Error(`Unknown job ${name}`);
      const instance = await ensureStarted(false);
      await instance.send(name, data, {
        retryLimit: def.retryLimit ?? 3,
        retryBackoff: true,
        ...(def.singletonKey ? { singletonKey: def.singletonKey(data) } : {}),
        ...(options?.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    },
    async runNow(name, data) {
      const def = definitions.get(name);
      if (!def) throw new Error(`Unknown job ${name}`);
      await def.handler(data);
    },
    async start({ work, schedule }) {
      const instance = await ensureStarted(schedule);
      if (schedule) {
        for (const def of definitions.values()) {
          if (def.schedule) await instance.schedule(def.name, def.schedule, {}, { tz: 'UTC' });
        }
      }
      if (work && !working) {
        working = true;
        for (const def of definitions.values()) {
          await instance.work(def.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
            for (const job of jobs) await def.handler(job.data as object);
          });
        }
      }
    },
    async stop() {
      const instance = boss ?? (starting ? await starting : undefined);
      if (!instance) return;
      await instance.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      boss = undefined;
      starting = undefined;
      working = false;
    },
    definitions: () => [...definitions.values()],
  };
}
