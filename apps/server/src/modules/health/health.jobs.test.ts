import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JobDefinition, JobQueue } from '../../platform/jobs/job-queue';
import { createTestApp, createTestWorkspace, type TestApp } from '../../testing/test-app';
import { HEALTH_RECOMPUTE_JOB, registerHealthJobs } from './health.jobs';

/** A queue that keeps what it is given, so the test runs the jobs by hand. */
function createRecordingQueue() {
  const definitions = new Map<string, JobDefinition>();
  const sent: { name: string; data: object }[] = [];
  const queue: JobQueue = {
    register: (definition) => void definitions.set(definition.name, definition as unknown as JobDefinition),
    send: async (name, data) => void sent.push({ name, data }),
    runNow: async (name, data) => definitions.get(name)!.handler(data),
    start: async () => {},
    stop: async () => {},
    definitions: () => [...definitions.values()],
  };
  return { queue, sent, definitions };
}

describe('health jobs', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('recomputes every 5 minutes, and queues a change for the accounts concerned instead of rescoring in the request', async () => {
    const ws = await createTestWorkspace(t.services);
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Queued Co' });
    const { queue, sent, definitions } = createRecordingQueue();
    registerHealthJobs(queue, t.services.health, async () => [ws.id]);
    assert.equal(definitions.get(HEALTH_RECOMPUTE_JOB)!.schedule, '*/5 * * * *');

    await t.services.health.addExperienceInput(ws.id, { userId: ws.admin.id, via: 'session' }, account.id, { kind: 'nps', value: 10 });
    assert.deepEqual(sent, [{ name: HEALTH_RECOMPUTE_JOB, data: { workspaceId: ws.id, accountIds: [account.id] } }]);
    assert.equal((await t.services.health.getAccountHealth(ws.id, account.id, {})).score, null, 'not rescored inline');

    await queue.runNow(HEALTH_RECOMPUTE_JOB, sent[0]!.data);
    assert.equal((await t.services.health.getAccountHealth(ws.id, account.id, {})).score, 100);
    // The scheduled run carries no data: every workspace.
    await queue.runNow(HEALTH_RECOMPUTE_JOB, {});
  });
});
