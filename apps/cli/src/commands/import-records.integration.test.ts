import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BIN = fileURLToPath(new URL('../../bin/northstar.js', import.meta.url));

// The CLI as a user runs it: a real process on a temp data dir (PGlite), or on a fresh database
// of the TEST_DATABASE_URL server, created and dropped here.
describe('northstar import / export (real CLI process)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-cli-import-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NORTHSTAR_DATA_DIR: path.join(dir, 'data'), NORTHSTAR_LOG_LEVEL: 'silent' };
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dbName = `northstar_cli_${randomBytes(4).toString('hex')}`;

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  before(async () => {
    delete env.DATABASE_URL;
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${dbName}`;
      env.DATABASE_URL = url.toString();
    }
    const setup = run('setup', '--workspace', 'CLI Co', '--admin-email', 'admin@example.com', '--admin-password', 'long-enough-pw', '--json');
    assert.equal(setup.code, 0, setup.stderr);
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('refuses a file with a bad row (exit 1, row and column named), then imports the good rows with --skip-bad-rows', () => {
    const file = path.join(dir, 'accounts.csv');
    fs.writeFileSync(file, 'external_id,Account Name,ARR,renewal_date,Tier\nc-1,"北极星\n科技","1,200",2025-03-31,S\nc-2,Beta,10,31/02/2025,A\n');
    const refused = run('import', 'accounts', file);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stdout, /refused: nothing was written/);
    assert.match(refused.stdout, /row 3, column renewal_date: "31\/02\/2025" is not a date/);
    assert.match(refused.stderr, /checking \[/, 'a progress bar on stderr');

    const imported = run('import', 'accounts', file, '--skip-bad-rows');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /created\s+1/);
    assert.match(imported.stdout, /skipped\s+1/);
  });

  it('exports to a file that re-imports without changes, and reports it as JSON', () => {
    const out = path.join(dir, 'export.csv');
    const exported = run('export', 'accounts', '--filter', 'tier=S', '--out', out);
    assert.equal(exported.code, 0, exported.stderr);
    const csv = fs.readFileSync(out, 'utf8');
    assert.ok(csv.startsWith('\ufeffexternal_id,name,'), csv.slice(0, 80));
    assert.match(csv, /"北极星\n科技"/);

    const again = run('import', 'accounts', out, '--json');
    assert.equal(again.code, 0, again.stderr);
    const report = JSON.parse(again.stdout) as { created: number; updated: number; unchanged: number; written: boolean };
    assert.deepEqual([report.created, report.updated, report.unchanged, report.written], [0, 0, 1, true]);
  });

  it('rejects an unknown filter by name', () => {
    const result = run('export', 'accounts', '--filter', 'colour=red');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /unknown filter "colour"/);
  });
});
