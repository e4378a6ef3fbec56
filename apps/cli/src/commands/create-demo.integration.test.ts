import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@northstar/server';

const BIN = fileURLToPath(new URL('../../bin/northstar.js', import.meta.url));

type Run = { code: number | null; stdout: string; stderr: string };

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh place for the CLI to write: a temp data dir, or a new database on the test server. */
async function createTarget(): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(`${os.tmpdir()}/northstar-demo-cli-`);
  const base: NodeJS.ProcessEnv = { ...process.env, NORTHSTAR_DATA_DIR: dataDir, NORTHSTAR_LOG_LEVEL: 'silent' };
  delete base.DATABASE_URL;
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { env: base, cleanup: removeDir };

  const name = `northstar_demo_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { ...base, DATABASE_URL: url.toString() },
    cleanup: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
      await removeDir();
    },
  };
}

describe('northstar demo (real process)', () => {
  let target: Awaited<ReturnType<typeof createTarget>>;
  let first: Run;

  before(async () => {
    target = await createTarget();
    first = await runCli(['demo', '--seed', '7', '--today', '2026-05-01', '--json'], target.env);
  });
  after(async () => {
    await target.cleanup();
  });

  it('builds the demo and prints a JSON summary with the logins on stdout', () => {
    assert.equal(first.code, 0, first.stderr);
    const summary = JSON.parse(first.stdout) as {
      workspace: { slug: string; name: string };
      seed: number;
      today: string;
      password: string;
      url: string;
      seconds: number;
      people: { email: string; role: string }[];
      apiToken: string;
      writeKey: string;
      counts: { accounts: number; churnedAccounts: number; contacts: number; users: number };
      arr: { topFifthShare: number };
    };
    assert.equal(summary.workspace.slug, 'demo');
    assert.equal(summary.workspace.name, 'Northstar Demo');
    assert.equal(summary.seed, 7);
    assert.equal(summary.today, '2026-05-01');
    assert.equal(summary.password, 'northstar-demo');
    assert.equal(summary.url, 'http://127.0.0.1:4000');
    assert.equal(summary.people[0]?.email, 'admin@demo.northstar.dev');
    assert.equal(summary.people.filter((p) => p.role === 'csm').length, 6);
    assert.match(summary.apiToken, /^nsp_/);
    assert.match(summary.writeKey, /^nsk_/);
    assert.equal(summary.counts.accounts, 500);
    assert.ok(summary.counts.contacts >= 1000 && summary.counts.contacts <= 3000);
    assert.ok(summary.arr.topFifthShare >= 0.75 && summary.arr.topFifthShare <= 0.85);
    process.stderr.write(`# northstar demo took ${summary.seconds} s inside the process\n`);
  });

  it('shows progress on stderr, not stdout', () => {
    assert.match(first.stderr, /demo \[=+\] 100% \| usage/);
  });

  it('refuses to run again over the demo without --reset, exiting 1', async () => {
    const again = await runCli(['demo', '--seed', '7', '--today', '2026-05-01', '--json'], target.env);
    assert.equal(again.code, 1);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /already exists.*--reset/);
  });
});
