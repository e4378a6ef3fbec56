import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, runCli, type CliResult, type TestEnv } from '../../test/cli-process';

describe('northstar demo (real process)', () => {
  let target: TestEnv;
  let first: CliResult;

  before(async () => {
    target = await createTestEnv();
    first = await runCli(['demo', '--seed', '7', '--today', '2026-05-01', '--json'], target.env, 600_000);
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
    const again = await runCli(['demo', '--seed', '7', '--today', '2026-05-01', '--json'], target.env, 600_000);
    assert.equal(again.code, 1);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /already exists.*--reset/);
  });
});
