import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, runCli, type TestEnv } from '../../test/cli-process';
import { createServices, openDatabase } from '@northstar/server';

// The CLI acceptance: `northstar tiers recompute` and `northstar segments list` on demo data.
describe('northstar tiers recompute and segments list (real process)', () => {
  let target: TestEnv;

  before(async () => {
    target = await createTestEnv();
    const demo = await runCli(['demo', '--seed', '5', '--today', '2026-05-01', '--json'], target.env, 600_000);
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(async () => {
    await target.cleanup();
  });

  it('recomputes tiers and prints each tier’s count and ARR share', async () => {
    const run = await runCli(['tiers', 'recompute', '--workspace', 'demo', '--today', '2026-05-01'], target.env);
    assert.equal(run.code, 0, run.stderr);
    // The demo already ran a recompute as of its reference date, so nothing changes on the second
    // one as of the same date (engagement is measured over the 30 days before it).
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
