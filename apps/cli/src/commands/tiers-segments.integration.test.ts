import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServices, openDatabase } from '@northstar/server';

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

// The CLI acceptance: `northstar tiers recompute` and `northstar segments list` on demo data.
describe('northstar tiers recompute and segments list (real process)', () => {
  let target: Awaited<ReturnType<typeof createTarget>>;

  before(async () => {
    target = await createTarget();
    const demo = await runCli(['demo', '--seed', '5', '--today', '2026-05-01', '--json'], target.env);
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(async () => {
    await target.cleanup();
  });

  it('recomputes tiers and prints each tier’s count and ARR share', async () => {
    const run = await runCli(['tiers', 'recompute', '--workspace', 'demo'], target.env);
    assert.equal(run.code, 0, run.stderr);
    // The demo already ran a recompute, so nothing changes on the second one.
    assert.match(run.stdout, /^Tiers of demo: \d+ accounts, 0 changed\./);
    assert.match(run.stdout, /\n {2}S +\d+ accounts \( ?1\d%\) +[6-9]\d% of ARR/);
    for (const tier of ['A', 'B', 'C']) assert.match(run.stdout, new RegExp(`\\n  ${tier} `));
  });

  it('lists segments with members and visibility', async () => {
    const empty = await runCli(['segments', 'list'], target.env);
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(empty.stdout, 'No segments yet.\n');
    // Save one through the services, as the API would, then list it from a new process.
    const database = await openDatabase({
      databaseUrl: target.env.DATABASE_URL,
      dataDir: target.env.DATABASE_URL ? undefined : target.env.NORTHSTAR_DATA_DIR,
    });
    try {
      const services = createServices({ database });
      const ws = await services.workspaces.resolveWorkspace('demo');
      const admin = await services.users.findUserByEmail('admin@demo.northstar.dev');
      await services.segments.createSegment(
        { workspaceId: ws.id, userId: admin!.id },
        { name: 'S tier', expression: { op: 'and', conditions: [{ field: 'tier', operator: 'eq', value: 'S' }] }, visibility: 'private' },
      );
    } finally {
      await database.close();
    }
    const listed = await runCli(['segments', 'list', '--workspace', 'demo'], target.env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^NAME +MEMBERS +VISIBILITY\nS tier +\d+ +private\n$/);
  });
});
