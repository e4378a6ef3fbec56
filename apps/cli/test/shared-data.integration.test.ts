import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestEnv, engine, runCli, setupWorkspace, startServerProcess, type ServerProcess, type TestEnv } from './cli-process';

// While `northstar start` runs, other commands pointed at the same data. PGlite lets one process
// own its directory, so they run inside that server through its local socket and leave it
// unharmed; PostgreSQL is a shared server, so they simply work.
describe(`a second process while the server runs (${engine})`, () => {
  let t: TestEnv;
  let server: ServerProcess;
  let token: string;
  let slug: string;

  before(async () => {
    t = await createTestEnv();
    const setup = await setupWorkspace(t.env, 'Shared Co');
    token = setup.apiToken;
    slug = setup.workspace.slug;
    server = await startServerProcess(t.env);
  });
  after(async () => {
    try {
      if (server) assert.equal((await server.stop()).code, 0, server.output());
    } finally {
      await t.cleanup();
    }
  });

  const workspaceStatus = async (bearer: string) =>
    (await fetch(`${server.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${bearer}` } })).status;

  if (engine === 'pglite') {
    it('runs `migrate` inside the server that owns the data dir, through its local socket', async () => {
      const res = await runCli(['migrate'], t.env);
      assert.equal(res.code, 0, `exit ${res.code}: ${res.stderr}`);
      assert.match(res.stdout, /up to date/);
      assert.match(res.stderr, new RegExp(`running inside the Northstar server, pid ${server.pid}\\b`));
    });

    it('runs `setup` inside the server, which then serves the new workspace', async () => {
      const second = await setupWorkspace(t.env, 'Second Co');
      assert.equal(await workspaceStatus(second.apiToken), 200);
      assert.equal(await workspaceStatus(token), 200);
    });

    it('reports a refused command with its exit code and message, and `--help` without stopping the server', async () => {
      const refused = await runCli(['setup', '--workspace', 'Shared Co', '--slug', 'x', '--admin-email', 'a@example.com', '--admin-password', 'short'], t.env);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /at least 8 characters/);
      const help = await runCli(['import', '--help'], t.env);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /Usage: northstar import/);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    });

    it('imports a file named relative to the caller and exports Chinese text intact through the server', async () => {
      const dir = fs.mkdtempSync(path.join(t.dataDir, '..', 'csv-'));
      fs.writeFileSync(path.join(dir, 'accounts.csv'), 'external_id,name,arr\nzh-1,杭州云帆科技,120000\nzh-2,"北京, 星河软件",80000\n');
      const imported = await runCli(['import', 'accounts', 'accounts.csv', '--workspace', slug], { ...t.env }, 90_000, dir);
      assert.equal(imported.code, 0, imported.stderr);
      const exported = await runCli(['export', 'accounts', '--workspace', slug, '--filter', 'q=星河'], t.env);
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stdout, /"北京, 星河软件"/);
      assert.doesNotMatch(exported.stdout, /杭州云帆科技/);
    });

    it('refuses to start a second server on the same data dir', async () => {
      const res = await runCli(['start', '--no-build', '--port', '1'], t.env);
      assert.equal(res.code, 2, `exit ${res.code}: ${res.stderr}`);
      assert.ok(res.stderr.includes(t.dataDir), `the data dir is not named: ${res.stderr}`);
      assert.match(res.stderr, new RegExp(`pid ${server.pid}\\b`));
    });

    it('leaves the server serving, its lock in place and its data intact', async () => {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      assert.equal(await workspaceStatus(token), 200);
      const lock = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'northstar.lock'), 'utf8')) as { pid: number };
      assert.equal(lock.pid, server.pid);
      const rename = await fetch(`${server.url}/api/v1/workspace`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Shared Co, still writable' }),
      });
      assert.equal(rename.status, 200);
    });

    it('stops with exit code 2 naming the data dir and holder when the holder exposes no socket', async () => {
      // Another CLI command (not a server) holding the directory: here, this test process.
      const dir = fs.mkdtempSync(path.join(t.dataDir, '..', 'held-'));
      fs.writeFileSync(path.join(dir, 'northstar.lock'), JSON.stringify({ pid: process.pid, owner: 'northstar demo', startedAt: new Date().toISOString() }));
      const res = await runCli(['migrate'], { ...t.env, NORTHSTAR_DATA_DIR: dir });
      assert.equal(res.code, 2, `exit ${res.code}: ${res.stderr}`);
      assert.ok(res.stderr.includes(dir), `the data dir is not named: ${res.stderr}`);
      assert.match(res.stderr, new RegExp(`pid ${process.pid}\\b`));
      assert.doesNotMatch(res.stderr, /\n\s+at /, 'a stack trace was printed');
      assert.equal(res.stdout, '');
    });
  } else {
    it('lets `migrate` run against the shared database while the server runs', async () => {
      const res = await runCli(['migrate'], t.env);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /up to date/);
    });

    it('lets `setup` create a workspace the running server then serves', async () => {
      const second = await setupWorkspace(t.env, 'Second Co');
      assert.equal(await workspaceStatus(second.apiToken), 200);
      assert.equal(await workspaceStatus(token), 200);
    });
  }
});
