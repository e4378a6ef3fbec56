import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database, RawResult } from '../../platform/db/database';

export type Query = (text: string, params?: unknown[]) => Promise<RawResult>;

/**
 * Runs `fn` on one connection inside BEGIN … COMMIT, rolling back on any throw. Raw SQL rather
 * than drizzle because the import writes thousands of parameters per statement and needs one
 * statement shape on both engines.
 */
export async function runInTransaction<T>(database: Database, fn: (query: Query) => Promise<T>): Promise<T> {
  if (database.engine === 'pglite') {
    const client = database.client as PGlite;
    return client.transaction(async (tx) =>
      fn(async (text, params) => {
        const r = await tx.query(text, params);
        return { rows: r.rows as Record<string, unknown>[], affectedRows: r.affectedRows ?? 0 };
      }),
    );
  }
  const client = await (database.client as pg.Pool).connect();
  try {
    await client.query('BEGIN');
    const result = await fn(async (text, params) => {
      const r = await client.query(text, params);
      return { rows: r.rows as Record<string, unknown>[], affectedRows: r.rowCount ?? 0 };
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
