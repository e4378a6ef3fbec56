import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';
import type { Database } from '../../platform/db/database';

/** The two things a flush needs inside its transaction, on either engine. */
export type IngestTx = {
  query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  /** Streams COPY text-format rows (UTF-8) into `table (columns)`. */
  copyFrom: (target: string, data: Buffer) => Promise<void>;
};

const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

/**
 * Runs `fn` in one transaction and returns after COMMIT. PostgreSQL gets COPY FROM STDIN through
 * pg-copy-streams on a pooled connection; PGlite gets its /dev/blob COPY. A deadlock between
 * two flushers (both upserting the same account) is retried: the loser's work is rolled back.
 * `prelude`, a statement without parameters, runs first in the transaction; on PostgreSQL it
 * shares BEGIN's round trip.
 */
export async function runIngestTransaction(database: Database, fn: (tx: IngestTx) => Promise<void>, prelude?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (database.engine === 'pglite') await runOnPglite(database.client as PGlite, fn, prelude);
      else await runOnPostgres(database.client as pg.Pool, fn, prelude);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}

async function runOnPglite(client: PGlite, fn: (tx: IngestTx) => Promise<void>, prelude: string | undefined): Promise<void> {
  await client.transaction(async (tx) => {
    if (prelude) await tx.query(prelude);
    await fn({
      query: (text, params) => tx.query(text, params) as Promise<{ rows: Record<string, unknown>[] }>,
      copyFrom: async (target, data) => {
        await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
      },
    });
  });
}

async function runOnPostgres(pool: pg.Pool, fn: (tx: IngestTx) => Promise<void>, prelude: string | undefined): Promise<void> {
  const client = await pool.connect();
  const begin = prelude ? `BEGIN; ${prelude}` : 'BEGIN';
  let broken: Error | undefined;
  let begun = false;
  try {
    try {
      await fn({
        query: async (text, params) => {
          if (begun) return client.query(text, params);
          begun = true;
          if (params && params.length > 0) {
            await client.query(begin);
            return client.query(text, params);
          }
          // Under load every round trip waits for a core: BEGIN rides with the first statement.
          const results = (await client.query(`${begin}; ${text}`)) as unknown as pg.QueryResult[];
          return results[results.length - 1]!;
        },
        copyFrom: async (target, data) => {
          if (!begun) {
            begun = true;
            await client.query(begin);
          }
          const stream = client.query(pgCopyStreams.from(`COPY ${target} FROM STDIN`));
          await pipeline(Readable.from([data]), stream);
        },
      });
      if (!begun && prelude) {
        begun = true;
        await client.query(begin);
      }
      if (begun) await client.query('COMMIT');
    } catch (error) {
      try {
        if (begun) await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection itself is gone: do not hand it back to the pool.
        broken = rollbackError as Error;
      }
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
