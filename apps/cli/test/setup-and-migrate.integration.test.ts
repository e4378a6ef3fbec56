import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, engine, runCli, setupWorkspace, startServerProcess, type TestEnv } from './cli-process';

describe(`northstar CLI commands on ${engine}`, () => {
  let t: TestEnv;

  before(async () => {
    t = await createTestEnv();
  });
  after(() => t.cleanup());

  it('prints help for the program and for every command', async () => {
    const main = await runCli(['--help'], {});
    assert.equal(main.code, 0, main.stderr);
    assert.match(main.stdout, /Usage: northstar/);
    const commandsSection = main.stdout.split(/^Commands:$/m)[1] ?? '';
    const commands = [...commandsSection.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    for (const expected of ['start', 'setup', 'migrate']) assert.ok(commands.includes(expected), `${expected} is not listed`);
    const results = await Promise.all(commands.map((command) => runCli([command, '--help'], {})));
    for (const [i, command] of commands.entries()) {
      const res = results[i]!;
      assert.equal(res.code, 0, `${command} --help: ${res.stderr}`);
      assert.match(res.stdout, new RegExp(`Usage: northstar ${command}`));
      assert.equal(res.stderr, '', `${command} --help wrote to stderr`);
    }
  });

  it('setup --json prints exactly {"workspace":{"id","slug"},"apiToken","writeKey"}, and the token works against a started server', async () => {
    const setup = await setupWorkspace(t.env, 'Acme CLI');
    assert.equal(setup.raw.trim().split('\n').length, 1, 'setup --json printed more than one line');
    const parsed = JSON.parse(setup.raw) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['workspace', 'apiToken', 'writeKey']);
    assert.deepEqual(Object.keys(parsed.workspace as object), ['id', 'slug']);
    assert.match(setup.workspace.id, /^[0-9a-f-]{36}$/);
    assert.match(setup.apiToken, /^nsp_/);
    assert.match(setup.writeKey, /^nsk_/);

    const server = await startServerProcess(t.env);
    try {
      const res = await fetch(`${server.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${setup.apiToken}` } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { id: string; slug: string; name: string };
      assert.equal(body.id, setup.workspace.id);
      assert.equal(body.slug, setup.workspace.slug);
      assert.equal(body.name, 'Acme CLI');
      const asBearer = await fetch(`${server.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${setup.writeKey}` } });
      assert.equal(asBearer.status, 401, 'the write key worked as an API token');
    } finally {
      assert.equal((await server.stop()).code, 0, server.output());
    }
  });

  it('migrate reports that the database is up to date', async () => {
    const res = await runCli(['migrate'], t.env);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /is up to date \(\d+ migrations\)/);
  });

  it('setup refuses a short password and a taken slug with exit code 1 and a readable message', async () => {
    const short = await runCli(['setup', '--workspace', 'X', '--admin-email', 'x@example.com', '--admin-password', 'short'], t.env);
    assert.equal(short.code, 1);
    assert.match(short.stderr, /--admin-password/);
    const first = await setupWorkspace(t.env, 'Taken Co');
    const again = await runCli(
      ['setup', '--workspace', 'Taken Co', '--slug', first.workspace.slug, '--admin-email', 'y@example.com', '--admin-password', 'a long passphrase'],
      t.env,
    );
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stderr, /already exists/);
    assert.doesNotMatch(again.stderr, /\n\s+at /, 'a stack trace was printed');
  });

  it('refuses a bad environment with exit code 2 naming the variable', async () => {
    const res = await runCli(['migrate'], { ...t.env, NORTHSTAR_PORT: 'eighty' });
    assert.equal(res.code, 2);
    assert.match(res.stderr, /NORTHSTAR_PORT/);
  });
});
