import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/database';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../platform/db/migrate';

/**
 * A fresh, migrated database for one test file, on the engine under test: PGlite in memory by
 * default; with TEST_DATABASE_URL, a new database on that PostgreSQL server, dropped on close.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return migrate ? createPgliteTestDatabase() : openDatabase({});
  const name = `northstar_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  if (migrate) await migrateDatabase(database);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * A fresh PGlite starts by running initdb (~1.5 s). Each test file instead loads a dump of an
 * already-migrated database, cached in the temp dir under a hash of the migrations, so only the
 * first file of a run (or of a new migration) pays for initdb and migrations.
 */
async function createPgliteTestDatabase(): Promise<Database> {
  const template = path.join(os.tmpdir(), `northstar-pglite-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(template)) {
    const database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    await migrateDatabase(database);
    return database;
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  const dump = await (database.client as PGlite).dumpDataDir('gzip');
  const partial = `${template}.${process.pid}.tmp`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, template);
  return database;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 16);
}
