import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Engine = 'pglite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any>;

export type RawResult = { rows: Record<string, unknown>[]; affectedRows?: number };

/**
 * One handle over either engine. Modules use `db` (drizzle) for queries; `query` is the raw path
 * for what drizzle does not express well (bulk COPY-like loads, pg-boss).
 */
export type Database = {
  engine: Engine;
  db: Db;
  query: (text: string, params?: unknown[]) => Promise<RawResult>;
  /** Runs several statements without parameters (migrations, DDL). */
  exec: (text: string) => Promise<void>;
  /** The underlying client: a PGlite instance or a pg.Pool, for engine-specific fast paths. */
  client: PGlite | pg.Pool;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined means in-memory (tests only). */
  dataDir?: string | undefined;
  poolSize?: number;
  /** Who is opening an embedded data dir, for the lock file. */
  owner?: string;
  /** A PGlite data-dir tarball to start from (test template cloning). */
  loadDataDir?: Blob;
};

// pg returns int8/numeric as strings by default to stay exact; we do the same, and parse dates
// ourselves: a DATE column must stay 'YYYY-MM-DD', never shift through a local-time Date.
pg.types.setTypeParser(1082, (v: string) => v);

/** Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 8);
  return openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with a readable message rather than on the first request.
  try {
    const c = await pool.connect();
    c.release();
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
  pool.on('error', () => {
    // An idle client died (server restart): pg.Pool replaces it; nothing to do but not crash.
  });
  return {
    engine: 'postgres',
    db: drizzlePg(pool) as unknown as Db,
    query: async (text, params) => {
      const r = await pool.query(text, params as unknown[]);
      return { rows: r.rows as Record<string, unknown>[], affectedRows: r.rowCount ?? 0 };
    },
    exec: async (text) => {
      await pool.query(text);
    },
    client: pool,
    close: () => pool.end(),
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir, options.owner ?? 'northstar');
  }
  let client: PGlite;
  try {
    const dataDir = options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined;
    client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  let closed = false;
  return {
    engine: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    query: async (text, params) => {
      const r = await client.query(text, params as unknown[]);
      return { rows: r.rows as Record<string, unknown>[], affectedRows: r.affectedRows ?? 0 };
    },
    exec: async (text) => {
      await client.exec(text);
    },
    client,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/** Runs a drizzle SQL fragment and returns its rows, the same shape on both engines. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
