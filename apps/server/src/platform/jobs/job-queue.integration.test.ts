import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { Database } from '../db/database';
import { createTestDatabase, testEngine } from '../../testing/test-database';
import { createJobQueue, defineJob, type JobQueue } from './job-queue';

const logger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe(`job queue (pg-boss) on ${testEngine()}`, () => {
  let database: Database;
  let jobs: JobQueue;
  const received: { id: number }[] = [];
  let nextJob = deferred<{ id: number }>();

  before(async () => {
    database = await createTestDatabase();
    jobs = createJobQueue(database, logger);
    jobs.register(
      defineJob<{ id: number }>({
        name: 'test.echo',
        handler: async (data) => {
          received.push(data);
          nextJob.resolve(data);
        },
      }),
    );
    jobs.register(defineJob({ name: 'test.nightly', schedule: '17 3 * * *', handler: async () => {} }));
    await jobs.start({ work: true, schedule: true });
  });
  after(async () => {
    await jobs.stop();
    await database.close();
  });

  it('runs the handler of a job sent to a started worker within a few seconds', async () => {
    nextJob = deferred();
    await jobs.send('test.echo', { id: 1 });
    const data = await within(nextJob.promise, 8000, 'the job');
    assert.deepEqual(data, { id: 1 });
  });

  it('refuses to send a job that was never registered', async () => {
    await assert.rejects(jobs.send('test.unknown', {}), /Unknown job test.unknown/);
  });

  it('registers the cron schedules of scheduled jobs, in UTC', async () => {
    const { rows } = await database.query('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name');
    assert.deepEqual(rows, [{ name: 'test.nightly', cron: '17 3 * * *', timezone: 'UTC' }]);
  });

  it('runs a handler in-process with runNow', async () => {
    const before = received.length;
    await jobs.runNow('test.echo', { id: 99 });
    assert.equal(received.length, before + 1);
    assert.deepEqual(received.at(-1), { id: 99 });
  });

  it('stops cleanly and leaves the database usable', async () => {
    await within(jobs.stop(), 15_000, 'stop()');
    await jobs.stop(); // idempotent
    const { rows } = await database.query('SELECT 1 AS one');
    assert.equal(rows[0]!.one, 1);
    // A job sent while no worker runs waits in the queue, and is picked up when work starts again.
    nextJob = deferred();
    await jobs.send('test.echo', { id: 2 });
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!received.some((d) => d.id === 2), 'a job ran with no worker started');
    await jobs.start({ work: true, schedule: false });
    assert.deepEqual(await within(nextJob.promise, 8000, 'the queued job'), { id: 2 });
  });
});
