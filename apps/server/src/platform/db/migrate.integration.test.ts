import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { createTestDatabase, testEngine } from '../../testing/test-database';
import { openDatabase, type Database } from './database';
import { DatabaseTooNewError, MIGRATIONS_FOLDER, migrateDatabase } from './migrate';

const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
const codeLatest = migrations.at(-1)!.folderMillis;

async function tableExists(database: Database, name: string): Promise<boolean> {
  const { rows } = await database.query(`SELECT to_regclass($1)::text AS t`, [`public.${name}`]);
  return rows[0]?.t !== null && rows[0]?.t !== undefined;
}

async function appliedCount(database: Database): Promise<number> {
  const { rows } = await database.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return Number(rows[0]!.n);
}

async function withFreshDatabase(fn: (database: Database) => Promise<void>): Promise<void> {
  const database = await createTestDatabase({ migrate: false });
  try {
    await fn(database);
  } finally {
    await database.close();
  }
}

describe(`migrateDatabase on ${testEngine()}`, () => {
  it('applies every migration to a fresh database, then finds nothing to do', async () => {
    await withFreshDatabase(async (database) => {
      assert.equal(await tableExists(database, 'workspaces'), false);
      const first = await migrateDatabase(database);
      assert.equal(first.total, migrations.length);
      assert.equal(first.applied, migrations.length);
      for (const table of ['workspaces', 'users', 'memberships', 'invitations', 'sessions', 'api_keys']) {
        assert.ok(await tableExists(database, table), `table ${table} missing`);
      }
      const second = await migrateDatabase(database);
      assert.deepEqual(second, { applied: 0, total: migrations.length });
      assert.equal(await appliedCount(database), migrations.length);
    });
  });

  it('refuses a database migrated by a newer build with DatabaseTooNewError, touching nothing', async () => {
    await withFreshDatabase(async (database) => {
      await migrateDatabase(database);
      const future = codeLatest + 24 * 3600 * 1000;
      await database.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', ['from-the-future', future]);
      await assert.rejects(migrateDatabase(database), (error: unknown) => {
        assert.ok(error instanceof DatabaseTooNewError);
        assert.match(error.message, /newer version of Northstar/);
        assert.match(error.message, new RegExp(new Date(future).toISOString().slice(0, 10)));
        return true;
      });
      assert.equal(await appliedCount(database), migrations.length + 1);
    });
  });

  it('rolls back every statement of a run when one migration fails', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-migrations-'));
    try {
      fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      const journalPath = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
      journal.entries.push({ ...journal.entries.at(-1)!, idx: journal.entries.length, when: codeLatest + 1000, tag: '9999_broken' });
      fs.writeFileSync(journalPath, JSON.stringify(journal));
      fs.writeFileSync(
        path.join(folder, '9999_broken.sql'),
        'CREATE TABLE migrate_probe (id int);\n--> statement-breakpoint\nSELECT no_such_function();\n',
      );
      await withFreshDatabase(async (database) => {
        await assert.rejects(migrateDatabase(database, folder));
        assert.equal(await tableExists(database, 'migrate_probe'), false, 'a failed migration left a table behind');
        assert.equal(await tableExists(database, 'workspaces'), false, 'earlier migrations of the failed run were kept');
        // The real migrations still apply afterwards.
        assert.equal((await migrateDatabase(database)).applied, migrations.length);
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lets two migrators start at once without an error (each applying a migration at most once)', async () => {
    await withFreshDatabase(async (database) => {
      let second: Database = database;
      if (database.engine === 'postgres') {
        // A second process: its own pool on the same database.
        const url = (database.client as pg.Pool).options.connectionString!;
        second = await openDatabase({ databaseUrl: url, poolSize: 2 });
      }
      try {
        const reports = await Promise.all([migrateDatabase(database), migrateDatabase(second), migrateDatabase(database)]);
        assert.equal(
          reports.reduce((sum, r) => sum + r.applied, 0),
          migrations.length,
        );
        assert.equal(await appliedCount(database), migrations.length);
      } finally {
        if (second !== database) await second.close();
      }
    });
  });
});
