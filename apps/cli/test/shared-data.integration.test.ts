import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestEnv, engine, runCli, setupWorkspace, startServerProcess, type ServerProcess, type TestEnv } from './cli-process';

// While `northstar start` runs, other commands pointed at the same data. PGlite lets one process
// own its directory, so they must stop with a clear message and leave the server unharmed;
// PostgreSQL is a shared server, so they must simply work.
describe(`a second process while the server runs (${engine})`, () => {
  let t: TestEnv;
  let server: ServerProcess;
  let token: string;

  before(async () => {
    t = await createTestEnv();
    token = (await setupWorkspace(t.env, 'Shared Co')).apiToken;
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
    for (const args of [['migrate'], ['setup', '--workspace', 'Intruder', '--admin-email', 'i@example.com', '--admin-password', 'a long passphrase']]) {
      it(`\`${args[0]}\` stops with exit code 2 naming the data dir and the server's pid`, async () => {
        const res = await runCli(args, t.env);
        assert.equal(res.code, 2, `exit ${res.code}: ${res.stderr}`);
        assert.ok(res.stderr.includes(t.dataDir), `the data dir is not named: ${res.stderr}`);
        assert.match(res.stderr, new RegExp(`pid ${server.pid}\\b`), `the server's pid is not named: ${res.stderr}`);
        assert.doesNotMatch(res.stderr, /\n\s+at /, 'a stack trace was printed');
        assert.equal(res.stdout, '');
      });
    }

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
      const members = await fetch(`${server.url}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
      const emails = ((await members.json()) as { items: { email: string }[] }).items.map((u) => u.email);
      assert.ok(!emails.includes('i@example.com'), 'the refused setup wrote data');
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
