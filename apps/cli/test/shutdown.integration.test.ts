import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createTestEnv, engine, setupWorkspace, startServerProcess, type TestEnv } from './cli-process';

type Outcome = { status: number; at: number } | { error: string; at: number };

/** One request on its own connection, so a drain cannot hide behind keep-alive reuse. */
function post(url: string, body: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, at: performance.now() }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, at: performance.now() }));
    req.end(payload);
  });
}

describe(`server life cycle on ${engine}`, () => {
  let t: TestEnv;
  let token: string;

  before(async () => {
    t = await createTestEnv();
  });
  after(() => t.cleanup());

  it('starts cold on a fresh data dir, then drains in-flight requests on SIGTERM, exits 0 and removes its lock', async (ctx) => {
    const fresh = await startServerProcess(t.env);
    ctx.diagnostic(`cold start, fresh ${engine} database: ${Math.round(fresh.startMs)} ms from spawn to the first 200 from /healthz`);
    try {
      // setup needs the data dir on PGlite, so it runs through the API here: rename through the
      // server, then check after the restart that the write survived.
      const lockFile = path.join(t.dataDir, 'northstar.lock');
      if (engine === 'pglite') assert.equal((JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number }).pid, fresh.pid);

      // Failed logins cost an argon2 hash each: a burst keeps the server busy for a while.
      const burst = Array.from({ length: 80 }, (_, i) => post(`${fresh.url}/api/v1/auth/login`, { email: `drain-${i}@example.com`, password: 'wrong password' }));
      const first = await Promise.race(burst);
      await new Promise((r) => setTimeout(r, 50));
      const signalledAt = performance.now();
      fresh.child.kill('SIGTERM');
      const outcomes = await Promise.all(burst);
      const exit = await fresh.exited;

      const failures = outcomes.filter((o) => 'error' in o);
      assert.deepEqual(failures, [], `requests failed during the drain: ${JSON.stringify(failures.slice(0, 3))}`);
      const statuses = new Set(outcomes.map((o) => ('status' in o ? o.status : 0)));
      for (const status of statuses) assert.ok(status >= 200 && status < 500, `a request got ${status} during the drain`);
      const afterSignal = outcomes.filter((o) => o.at > signalledAt).length;
      assert.ok('status' in first);
      assert.ok(afterSignal > 0, 'every request finished before SIGTERM: the burst did not test draining');
      ctx.diagnostic(`${afterSignal} of ${outcomes.length} requests completed after SIGTERM`);

      assert.deepEqual(exit, { code: 0, signal: null }, fresh.output());
      assert.equal(fs.existsSync(lockFile), false, 'the lock file is still there');
    } finally {
      await fresh.stop('SIGKILL');
    }
  });

  it('keeps its data across a restart on the same data dir', async (ctx) => {
    token = (await setupWorkspace(t.env, 'Durable Co')).apiToken;
    const first = await startServerProcess(t.env);
    ctx.diagnostic(`cold start, existing ${engine} database: ${Math.round(first.startMs)} ms from spawn to the first 200 from /healthz`);
    try {
      const rename = await fetch(`${first.url}/api/v1/workspace`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Durable Co, renamed', timezone: 'Asia/Shanghai' }),
      });
      assert.equal(rename.status, 200);
    } finally {
      assert.deepEqual(await first.stop('SIGTERM'), { code: 0, signal: null }, first.output());
    }
    const second = await startServerProcess(t.env);
    ctx.diagnostic(`restart on the same ${engine} database: ${Math.round(second.startMs)} ms from spawn to the first 200 from /healthz`);
    try {
      const res = await fetch(`${second.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { name: string; timezone: string };
      assert.equal(body.name, 'Durable Co, renamed');
      assert.equal(body.timezone, 'Asia/Shanghai');
    } finally {
      assert.deepEqual(await second.stop('SIGINT'), { code: 0, signal: null }, second.output());
    }
  });

  // Only PGlite has a lock file and an in-process engine to lose.
  if (engine === 'pglite') it('takes over the lock of a server that was killed (kill -9) and keeps its committed data', async () => {
    const crashed = await startServerProcess(t.env);
    const rename = await fetch(`${crashed.url}/api/v1/workspace`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Survived a kill -9' }),
    });
    assert.equal(rename.status, 200);
    assert.equal((await crashed.stop('SIGKILL')).signal, 'SIGKILL');
    assert.ok(fs.existsSync(path.join(t.dataDir, 'northstar.lock')), 'a killed process cannot remove its lock');
    const next = await startServerProcess(t.env);
    try {
      const res = await fetch(`${next.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(((await res.json()) as { name: string }).name, 'Survived a kill -9');
    } finally {
      assert.equal((await next.stop()).code, 0, next.output());
    }
  });
});
