import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServices, migrateDatabase, openDatabase } from '@northstar/server';
import { createTestEnv, runCli, type TestEnv } from '../../test/cli-process';

describe('northstar tasks list (real process)', () => {
  let target: TestEnv;
  const email = 'bo@example.com';

  before(async () => {
    target = await createTestEnv();
    const database = await openDatabase({
      databaseUrl: target.env.DATABASE_URL,
      dataDir: target.env.DATABASE_URL ? undefined : target.env.NORTHSTAR_DATA_DIR,
    });
    try {
      await migrateDatabase(database);
      const services = createServices({ database });
      const setup = await services.setupWorkspace({
        name: 'Tasks Co',
        slug: 'tasks',
        adminEmail: 'admin@example.com',
        adminPassword: 'long-enough-pw',
      });
      const bo = await services.users.addMemberWithPassword(setup.workspace.id, {
        email,
        name: 'Bo',
        password: 'long-enough-pw',
        role: 'csm',
      });
      const actor = { workspaceId: setup.workspace.id, userId: bo.id, role: 'csm' as const };
      const account = await services.accounts.createAccount(setup.workspace.id, { name: 'Acme Logistics' });
      await services.tasks.createTask(actor, { accountId: account.id, title: 'Send the plan', dueDate: '2000-01-02', priority: 'urgent' });
      await services.tasks.createTask(actor, { accountId: account.id, title: 'Book training', dueDate: '2999-01-01' });
      const done = await services.tasks.createTask(actor, { accountId: account.id, title: 'Kickoff', dueDate: '2000-01-01' });
      await services.tasks.completeTask(actor, done.id);
    } finally {
      await database.close();
    }
  });
  after(() => target.cleanup());

  it('lists a member’s open tasks by due date, marking the overdue ones', async () => {
    const run = await runCli(['tasks', 'list', '--owner', email], target.env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^DUE +PRIO +ACCOUNT +TITLE\n2000-01-02! urgent +Acme Logistics +Send the plan\n2999-01-01 {2}normal +Acme Logistics +Book training\n\(! overdue\)\n$/,
    );
  });

  it('prints JSON and other statuses on request, and names a bad option', async () => {
    const json = await runCli(['tasks', 'list', '--owner', email, '--status', 'done', '--json'], target.env);
    assert.equal(json.code, 0, json.stderr);
    const tasks = JSON.parse(json.stdout) as { title: string; status: string }[];
    assert.deepEqual(
      tasks.map((t) => [t.title, t.status]),
      [['Kickoff', 'done']],
    );
    const bad = await runCli(['tasks', 'list', '--owner', email, '--status', 'late'], target.env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--status/);
    const nobody = await runCli(['tasks', 'list', '--owner', 'nobody@example.com'], target.env);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /nobody@example.com/);
  });
});
