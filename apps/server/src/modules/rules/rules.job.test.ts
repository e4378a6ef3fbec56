import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { registerJobs } from '../../jobs';
import type { Database } from '../../platform/db/database';
import { createJobQueue, type JobQueue } from '../../platform/jobs/job-queue';
import { createServices, type Services } from '../../services';
import { createTestWorkspace } from '../../testing/test-app';
import { createTestDatabase, testEngine } from '../../testing/test-database';
import { FIXTURE_PLAYBOOK } from '../../testing/work-fixtures';

const logger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

async function eventually<T>(read: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The real worker: no test calls the evaluator here. A change must reach the rules engine and a
// webhook its receiver through the queue, within seconds, not at the next hourly run.
describe(`rules and webhooks through the job queue on ${testEngine()}`, () => {
  let database: Database;
  let services: Services;
  let jobs: JobQueue;

  before(async () => {
    database = await createTestDatabase();
    services = createServices({ database });
    jobs = createJobQueue(database, logger);
    registerJobs(jobs, services);
    await jobs.start({ work: true, schedule: false });
  });
  after(async () => {
    await jobs.stop();
    await database.close();
  });

  it('fires a rule within seconds of the change, kicked by the recorded event', async () => {
    const ws = await createTestWorkspace(services, 'Worker Co');
    const playbook = await services.playbooks.createPlaybook({ workspaceId: ws.id, userId: ws.admin.id }, FIXTURE_PLAYBOOK);
    const rule = await services.rules.createRule(
      { workspaceId: ws.id, userId: ws.admin.id },
      { name: 'Onboarding SOP', trigger: { type: 'stage_entered', stage: 'onboarding' }, playbookId: playbook.id },
    );
    const account = await services.accounts.createAccount(ws.id, { name: 'Kicked', lifecycleStage: 'handoff' });
    const changedAt = Date.now();
    await services.lifecycle.setStage(ws.id, ws.admin.id, account.id, { stage: 'onboarding' });
    const firing = await eventually(
      async () => (await services.rules.listFirings(ws.id, rule.id, {})).items.find((f) => f.outcome === 'fired'),
      15_000,
      'the firing',
    );
    assert.equal(firing.accountId, account.id);
    assert.ok(Date.now() - changedAt < 15_000);
    assert.equal((await services.tasks.listOpenCtas(ws.id, { accountId: account.id })).length, 1);
  });

  it('delivers an enqueued webhook through the deliver job', async () => {
    const received: string[] = [];
    const server = http.createServer((req, res) => {
      received.push(String(req.headers['northstar-event']));
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const ws = await createTestWorkspace(services, 'Delivery Co');
      await services.webhooks.updateSettings(ws.id, { allowPrivateWebhookTargets: true });
      const { deliveryId } = await services.webhooks.enqueueWebhook(ws.id, {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        event: 'queue.test',
        payload: {},
        source: {},
      });
      const delivery = await eventually(
        async () => {
          const d = await services.webhooks.getDelivery(ws.id, deliveryId);
          return d.status === 'delivered' ? d : undefined;
        },
        15_000,
        'the delivery',
      );
      assert.equal(delivery.attempts, 1);
      assert.deepEqual(received, ['queue.test']);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
