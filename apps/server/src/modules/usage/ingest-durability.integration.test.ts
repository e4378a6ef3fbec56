import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../platform/db/database';
import { testEngine } from '../../testing/test-database';

const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const bin = path.join(root, 'apps/cli/bin/northstar.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'start', '--port', String(port), '--no-build'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (child.exitCode !== null) return reject(new Error(`server exited early:\n${log}`));
      http
        .get(`http://127.0.0.1:${port}/healthz`, (res) => {
          res.resume();
          if (res.statusCode === 200) resolve(child);
          else setTimeout(poll, 200);
        })
        .on('error', () => setTimeout(poll, 200));
    };
    poll();
  });
}

function postBatch(port: number, writeKey: string, batch: unknown[]): Promise<number> {
  const body = JSON.stringify({ batch });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/batch',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));

describe(`ingest durability on ${testEngine()}`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps every event acknowledged before a SIGKILL, none twice, and restarts on the same data', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NORTHSTAR_LOG_LEVEL: 'warn', NORTHSTAR_ROLES: 'api' };
    delete env.DATABASE_URL;
    let databaseUrl: string | undefined;
    let dataDir: string | undefined;
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      const name = `northstar_test_kill_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
      env.DATABASE_URL = databaseUrl;
      cleanups.push(async () => {
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      });
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-kill-'));
      env.NORTHSTAR_DATA_DIR = dataDir;
      cleanups.push(async () => fs.rmSync(dataDir!, { recursive: true, force: true }));
    }
    const setup = spawnSync(
      process.execPath,
      [bin, 'setup', '--workspace', 'Kill Co', '--admin-email', 'kill@example.com', '--admin-password', 'kill-password-long', '--json'],
      { env, encoding: 'utf8' },
    );
    assert.equal(setup.status, 0, setup.stderr);
    const { writeKey, workspace } = JSON.parse(setup.stdout) as { writeKey: string; workspace: { id: string } };

    const port = await freePort();
    const server = await startServer(env, port);
    cleanups.push(async () => {
      if (server.exitCode === null) server.kill('SIGKILL');
    });
    const acknowledged: string[] = [];
    const sent = new Set<string>();
    let killed = false;
    const sender = async () => {
      while (!killed) {
        const ids = Array.from({ length: 50 }, () => randomUUID());
        for (const id of ids) sent.add(id);
        try {
          const status = await postBatch(
            port,
            writeKey,
            ids.map((messageId) => ({ type: 'track', userId: 'k', event: 'Kill Test', messageId })),
          );
          if (status === 200) acknowledged.push(...ids);
        } catch {
          return; // the connection died with the server: these ids were never acknowledged
        }
      }
    };
    const senders = Array.from({ length: 6 }, sender);
    // Kill in the middle of the stream, with requests in flight.
    while (acknowledged.length < 3_000) await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    killed = true;
    await Promise.all(senders);
    await exited(server);
    assert.ok(sent.size > acknowledged.length, 'some batches were in flight at the kill');

    // Restart on the same data (PGlite: the dead process's lock is stale and taken over); a client
    // retries a few acknowledged batches and some that never got an answer.
    const again = await startServer(env, port);
    const unanswered = [...sent].filter((id) => !new Set(acknowledged).has(id)).slice(0, 100);
    const retried = [...acknowledged.slice(0, 100), ...unanswered];
    assert.equal(
      await postBatch(
        port,
        writeKey,
        retried.map((messageId) => ({ type: 'track', userId: 'k', event: 'Kill Test', messageId })),
      ),
      200,
    );
    again.kill('SIGTERM');
    await exited(again);

    const database = await openDatabase({ databaseUrl, dataDir, owner: 'durability test' });
    try {
      const { rows } = await database.query(
        'SELECT message_id, count(*)::int AS n FROM usage_events WHERE workspace_id = $1 GROUP BY message_id',
        [workspace.id],
      );
      const counts = new Map(rows.map((r) => [r.message_id as string, r.n as number]));
      const missing = acknowledged.filter((id) => counts.get(id) !== 1);
      assert.deepEqual(
        missing.slice(0, 5),
        [],
        `${missing.length} of ${acknowledged.length} acknowledged events are missing or duplicated`,
      );
      assert.deepEqual(
        [...counts.values()].filter((n) => n !== 1),
        [],
        'an event was stored twice',
      );
      for (const id of unanswered) assert.equal(counts.get(id), 1, 'a retried unanswered event was not stored exactly once');
    } finally {
      await database.close();
    }
  });
});
