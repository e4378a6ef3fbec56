import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../../platform/db/database';

/** A raw query on one connection; rows as plain objects. */
export type SessionQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

// The gathering queries aggregate a few million rollup rows for 100k accounts: with the default
// 4 MB their hash aggregates spill to disk (measured 30–40% slower on both engines), and JIT
// compiles for longer than these queries run.
const SETTINGS = `SET LOCAL work_mem = '128MB'; SET LOCAL jit = off`;

/**
 * Runs `fn` in one transaction on one connection, with settings for large aggregates. Raw SQL
 * with array parameters (`$1::uuid[]`) rather than drizzle: a batch of 100k account ids is one
 * parameter, not 100k. On PostgreSQL each call takes its own pooled connection, so callers may
 * run sessions concurrently; on PGlite they queue on its single connection.
 */
export async function withHealthSession<T>(database: Database, fn: (query: SessionQuery) => Promise<T>): Promise<T> {
  if (database.engine === 'postgres') {
    const client = await (database.client as pg.Pool).connect();
    try {
      // The large aggregates already run two at a time on separate connections (see
      // collectMeasureFacts): parallel workers on top only contend for the same cores and add a
      // finalising step. The slower of the two (distinct users) gets no parallel plan anyway.
      await client.query(`BEGIN; ${SETTINGS}; SET LOCAL max_parallel_workers_per_gather = 0`);
      const result = await fn(async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return (database.client as PGlite).transaction(async (tx: Transaction) => {
    await tx.exec(SETTINGS);
    return fn(async <R>(text: string, params?: unknown[]) => {
      const wrapped = asJsonRows(text);
      if (!wrapped) return (await tx.query<R>(text, params)).rows;
      const [row] = (await tx.query<{ rows: string }>(wrapped, params)).rows;
      return JSON.parse(row!.rows) as R[];
    });
  });
}

/**
 * A SELECT rewritten to answer its rows as one JSON array. PGlite hands every result row to
 * JavaScript as a protocol message decoded field by field: 100,000 rows of six columns took 0.78 s
 * that way and 0.19 s as one json_agg value (built in the engine, parsed natively). Values arrive as
 * JSON types, which is why the session's queries cast what they read to text, int or float8. The
 * pg driver decodes rows faster than PostgreSQL builds the JSON, so PostgreSQL keeps plain rows.
 * json_agg reads the subquery in its order, so an ORDER BY inside still holds.
 */
function asJsonRows(text: string): string | null {
  if (!/^\s*(SELECT|WITH)\b/i.test(text)) return null;
  return `SELECT coalesce(json_agg(r), '[]')::text AS rows FROM (${text}) r`;
}
