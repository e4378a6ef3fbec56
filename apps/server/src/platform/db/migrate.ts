import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './database';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

export class DatabaseTooNewError extends Error {
  constructor(dbMillis: number, codeMillis: number) {
    super(
      `This database was migrated by a newer version of Northstar (its latest migration is from ` +
        `${new Date(dbMillis).toISOString()}; this build knows migrations up to ` +
        `${new Date(codeMillis).toISOString()}). Refusing to start: upgrade Northstar, or point it ` +
        `at another database.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** pg_current_snapshot() and pg_current_xact_id(), which the usage rollup relies on, are PostgreSQL 13's. */
export const MIN_SERVER_VERSION_NUM = 130_000;

export class DatabaseTooOldError extends Error {
  constructor(version: string) {
    super(
      `Northstar needs PostgreSQL 13 or newer; this server runs PostgreSQL ${version}. Upgrade the server, or leave DATABASE_URL unset for the embedded engine.`,
    );
    this.name = 'DatabaseTooOldError';
  }
}

/** Throws DatabaseTooOldError when the server's server_version_num is below PostgreSQL 13. */
export function checkServerVersion(versionNum: number, version: string): void {
  if (versionNum < MIN_SERVER_VERSION_NUM) throw new DatabaseTooOldError(version);
}

export type MigrationReport = { applied: number; total: number };

// Arbitrary constant: serialises concurrent migrators (two processes starting at once) on PostgreSQL.
const MIGRATION_LOCK_KEY = 72_646_211;

/**
 * Applies the committed SQL migrations (drizzle-kit's folder format and bookkeeping table, so
 * drizzle-kit tooling still understands the database) inside one transaction. Refuses to touch
 * a database that has migrations this build does not know.
 */
export async function migrateDatabase(database: Database, folder = MIGRATIONS_FOLDER): Promise<MigrationReport> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const codeLatest = migrations.at(-1)?.folderMillis ?? 0;
  const run = async (exec: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => {
    const server = await exec(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`);
    checkServerVersion(Number(server.rows[0]?.num), String(server.rows[0]?.version));
    await exec('CREATE SCHEMA IF NOT EXISTS drizzle');
    await exec('CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
    const last = await exec('SELECT max(created_at)::text AS latest FROM drizzle.__drizzle_migrations');
    const dbLatest = Number(last.rows[0]?.latest ?? 0);
    if (dbLatest > codeLatest) throw new DatabaseTooNewError(dbLatest, codeLatest);
    let applied = 0;
    for (const migration of migrations) {
      if (migration.folderMillis <= dbLatest) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await exec(statement);
      }
      await exec('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [migration.hash, migration.folderMillis]);
      applied++;
    }
    return applied;
  };

  let applied: number;
  if (database.engine === 'pglite') {
    const client = database.client as PGlite;
    applied = await client.transaction(async (tx) =>
      run(async (text, params) => {
        if (params) return tx.query(text, params) as Promise<{ rows: Record<string, unknown>[] }>;
        const results = await tx.exec(text);
        return (results.at(-1) ?? { rows: [] }) as { rows: Record<string, unknown>[] };
      }),
    );
  } else {
    const client = await (database.client as pg.Pool).connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await client.query('BEGIN');
        applied = await run((text, params) => client.query(text, params));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }
  return { applied, total: migrations.length };
}
