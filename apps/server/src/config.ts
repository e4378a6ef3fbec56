import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is declared here once, with its default, so a
 * bad value stops the process at boot with a message naming the variable.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  NORTHSTAR_DATA_DIR: z.string().min(1).default('./.northstar'),
  NORTHSTAR_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NORTHSTAR_HOST: z.string().min(1).default('127.0.0.1'),
  NORTHSTAR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to true behind HTTPS so the session cookie is marked Secure. */
  NORTHSTAR_SECURE_COOKIES: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Which roles this process plays; one binary, split across processes when scaling out. */
  NORTHSTAR_ROLES: z.string().default('api,worker,scheduler'),
  NORTHSTAR_WEB_DIST: z.string().optional(),
  NORTHSTAR_PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
  /** On shutdown, the listener closes once no connection has arrived for this long (ms, at most 10 s in all). */
  NORTHSTAR_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['NORTHSTAR_LOG_LEVEL'];
  secureCookies: boolean;
  roles: Set<'api' | 'worker' | 'scheduler'>;
  webDist: string | undefined;
  pgPoolSize: number;
  shutdownGraceMs: number;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const roles = new Set<'api' | 'worker' | 'scheduler'>();
  for (const role of e.NORTHSTAR_ROLES.split(',').map((r) => r.trim()).filter(Boolean)) {
    if (role !== 'api' && role !== 'worker' && role !== 'scheduler') {
      throw new ConfigError(`Invalid configuration:\n  NORTHSTAR_ROLES: unknown role "${role}" (use api, worker, scheduler)`);
    }
    roles.add(role);
  }
  if (roles.size === 0) {
    throw new ConfigError('Invalid configuration:\n  NORTHSTAR_ROLES: names no role (use one or more of api, worker, scheduler)');
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.NORTHSTAR_DATA_DIR),
    port: e.NORTHSTAR_PORT,
    host: e.NORTHSTAR_HOST,
    logLevel: e.NORTHSTAR_LOG_LEVEL,
    secureCookies: e.NORTHSTAR_SECURE_COOKIES,
    roles,
    webDist: e.NORTHSTAR_WEB_DIST,
    pgPoolSize: e.NORTHSTAR_PG_POOL_SIZE,
    shutdownGraceMs: e.NORTHSTAR_SHUTDOWN_GRACE_MS,
  };
}
