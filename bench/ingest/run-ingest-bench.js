#!/usr/bin/env node
// Ingest benchmark: realistic Segment events through POST /v1/batch (100 events a request,
// concurrent senders, every request answered only after COMMIT) into the real server process,
// against a same-run baseline: the very rows the API stored, exported and loaded again with raw
// COPY into a fresh copy of the same table. PostgreSQL first, then PGlite.
// Usage: npm run bench:ingest [-- --events 1000000] [--pglite-events 200000] [--senders 32]
//        [--send-to <port> --write-key <key> [--skip-link]]   (only load a server already running;
//        --skip-link when an earlier run already linked its users)
//        [--pg postgres://postgres@127.0.0.1:5432/postgres] [--skip-pg] [--skip-pglite]
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { Blob } from 'node:buffer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'apps/cli/bin/northstar.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
const EVENTS = Number(arg('events', '1000000'));
const PGLITE_EVENTS = Number(arg('pglite-events', '200000'));
const SENDERS = Number(arg('senders', '32'));
const PER_REQUEST = 100;
const PG_URL = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const work = arg('send-to') ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-bench-ingest-'));
const COLUMNS =
  'workspace_id, message_id, type, event, name, user_id, anonymous_id, group_id, previous_id, account_id, ' +
  '"timestamp", original_timestamp, sent_at, received_at, properties, traits, context';

// Deterministic pseudo-random data.
let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = (list) => list[Math.floor(rand() * list.length)];
const eventNames = [
  'Report Shared',
  'Dashboard Viewed',
  'Order Processed',
  'Invoice Sent',
  'Export Downloaded',
  'Comment Added',
  'Search Performed',
  '报表已分享',
];
const features = ['reports', 'dashboards', 'orders', 'billing', 'exports', 'search', 'admin'];
const browsers = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36',
];
const ACCOUNTS = 2_000;
const USERS = 40_000;

/** One realistic event, as analytics-node would send it (~450 bytes of JSON). */
function makeEvent(now) {
  const user = Math.floor(rand() * USERS);
  const account = user % ACCOUNTS;
  const r = rand();
  const base = {
    messageId: randomUUID(),
    userId: `user-${user}`,
    timestamp: new Date(now - Math.floor(rand() * 60_000)).toISOString(),
    context: {
      library: { name: 'analytics-node', version: '2.1.2' },
      ip: `10.${user % 250}.${account % 250}.7`,
      userAgent: pick(browsers),
    },
  };
  if (r < 0.01)
    return {
      ...base,
      type: 'group',
      groupId: `acct-${account}`,
      traits: { name: `Account ${account}`, plan: ['Starter', 'Growth', 'Enterprise'][account % 3], seats: 10 + (account % 90) },
    };
  if (r < 0.03)
    return {
      ...base,
      type: 'identify',
      traits: { email: `user-${user}@example.com`, name: `User ${user}`, role: ['admin', 'member', 'viewer'][user % 3] },
    };
  if (r < 0.12)
    return {
      ...base,
      type: 'page',
      name: pick(features),
      properties: { path: `/${pick(features)}/${user % 100}`, referrer: 'https://example.com/', title: 'Northstar' },
    };
  return {
    ...base,
    type: 'track',
    event: pick(eventNames),
    properties: {
      feature: pick(features),
      durationMs: Math.floor(rand() * 5_000),
      items: Math.floor(rand() * 50),
      plan: pick(['Starter', 'Growth', 'Enterprise']),
      source: pick(['web', 'api', 'mobile']),
    },
  };
}

function cli(env, ...args) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`northstar ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function psql(url, ...args) {
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`psql ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function psqlAsync(url, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`psql failed: ${err}`))));
  });
}

// Activity events the rollups count (track, page, screen credited to an account) against what the
// rollups hold: equal once every stored event is rolled up.
const ROLLUP_PROBE = `SELECT (SELECT count(*) FROM usage_events WHERE type IN ('track', 'page', 'screen') AND account_id IS NOT NULL),
  (SELECT coalesce(sum(events), 0) FROM usage_account_days)`;
const PROBE_EVERY_MS = 2_000;

/**
 * Samples the database while the events are sent: at each sample, how many activity events are
 * committed and how many the rollups hold. An event committed by sample i is rolled up by the
 * first later sample whose rollups hold at least sample i's count: that wait is its lag (to within
 * the sampling interval). `finish` keeps sampling after the last acknowledgement until the rollups
 * have caught up (or 120 s), then reports the worst lag and the catch-up time after the last ack.
 */
function startRollupProbe(url) {
  const samples = [];
  let sending = true;
  let lastAck = 0;
  const loop = (async () => {
    for (;;) {
      const t = performance.now();
      const [stored, rolled] = (await psqlAsync(url, '-At', '-F', ' ', '-c', ROLLUP_PROBE)).trim().split(' ').map(Number);
      samples.push({ t, stored, rolled });
      if (!sending && (rolled >= stored || t - lastAck > 120_000)) return;
      await sleep(sending ? PROBE_EVERY_MS : 250);
    }
  })();
  return {
    async finish() {
      sending = false;
      lastAck = performance.now();
      await loop;
      let worst = 0;
      for (const [i, sample] of samples.entries()) {
        const caught = samples.slice(i).find((later) => later.rolled >= sample.stored);
        worst = Math.max(worst, ((caught ?? samples.at(-1)).t - sample.t) / 1000);
      }
      const last = samples.at(-1);
      return { worstLag: worst, catchUp: (last.t - lastAck) / 1000, caughtUp: last.rolled >= last.stored };
    },
  };
}

async function startServer(env, port) {
  const child = spawn(process.execPath, [bin, 'start', '--port', String(port), '--no-build'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (c) => (log += c.toString()));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    const ok = await new Promise((resolve) => {
      http.get(`http://127.0.0.1:${port}/healthz`, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false));
    });
    if (ok) return child;
    await sleep(200);
  }
  throw new Error(`server did not start:\n${log}`);
}

async function stopServer(child) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

function post(agent, port, auth, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/batch',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: auth, 'content-length': body.length },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text, retryAfter: Number(res.headers['retry-after'] ?? 1) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Request bodies are built ahead from a few hundred templates: the load generator shares the 2
// cores with the server and the database, and must not be what limits the measurement (clients
// normally run elsewhere). Each template is a byte buffer with fixed-width slots: per request it
// is copied and the request number (in every messageId) and sentAt are written into the slots.
const TEMPLATES = 400;
const NUMBER_WIDTH = 9;
const SENT_AT_WIDTH = new Date().toISOString().length;
function makeTemplates(runId) {
  const now = Date.now();
  return Array.from({ length: TEMPLATES }, () => {
    const batch = Array.from({ length: PER_REQUEST }, (_, i) => ({
      ...makeEvent(now),
      messageId: `${runId}-${'N'.repeat(NUMBER_WIDTH)}-${String(i).padStart(3, '0')}`,
    }));
    const bytes = Buffer.from(JSON.stringify({ batch, sentAt: 'S'.repeat(SENT_AT_WIDTH) }));
    const numberSlots = [];
    for (let at = bytes.indexOf('N'.repeat(NUMBER_WIDTH)); at >= 0; at = bytes.indexOf('N'.repeat(NUMBER_WIDTH), at + NUMBER_WIDTH)) {
      numberSlots.push(at);
    }
    if (numberSlots.length !== PER_REQUEST) throw new Error('template slots do not match the events');
    return { bytes, numberSlots, sentAtSlot: bytes.indexOf('S'.repeat(SENT_AT_WIDTH)) };
  });
}

// The linking calls' messageIds: the baseline leaves their rows out, to COPY the timed load's rows only.
const LINK_PREFIX = 'link-';
const TIMED_ROWS = `message_id NOT LIKE '${LINK_PREFIX}%'`;

/**
 * Before the timed load: one `group` call per product user, as a live workspace's users were
 * grouped long ago (analytics libraries call group() at sign-in). Without it almost every `track`
 * of the load would belong to a user no account is known for yet: stored, but credited to no
 * account, and so never rolled up, which would leave the rollups nothing to keep up with.
 */
async function linkUsersToAccounts(port, writeKey) {
  process.stdout.write(`linking ${fmt(USERS)} product users to their accounts (not timed)…\n`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
  const timestamp = new Date().toISOString();
  for (let first = 0; first < USERS; first += PER_REQUEST * 8) {
    await Promise.all(
      Array.from({ length: 8 }, async (_, k) => {
        const batch = [];
        for (let user = first + k * PER_REQUEST; user < Math.min(USERS, first + (k + 1) * PER_REQUEST); user++) {
          const account = user % ACCOUNTS;
          batch.push({
            type: 'group',
            messageId: `${LINK_PREFIX}${user}`,
            userId: `user-${user}`,
            groupId: `acct-${account}`,
            timestamp,
            traits: { name: `Account ${account}` },
          });
        }
        if (batch.length === 0) return;
        const res = await post(agent, port, auth, Buffer.from(JSON.stringify({ batch })));
        if (res.status !== 200) throw new Error(`linking users answered ${res.status}: ${res.text}`);
      }),
    );
  }
  agent.destroy();
}

/** Sends `total` events from SENDERS concurrent clients; returns events/s and ack latencies. */
async function sendAll(port, writeKey, total) {
  const runId = randomUUID().slice(0, 8);
  const templates = makeTemplates(runId);
  const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
  const requests = Math.ceil(total / PER_REQUEST);
  let next = 0;
  let overloaded = 0;
  const latencies = [];
  const started = performance.now();
  async function sender() {
    while (next < requests) {
      const n = next++;
      const template = templates[n % TEMPLATES];
      const body = Buffer.from(template.bytes);
      const number = String(n).padStart(NUMBER_WIDTH, '0');
      for (const at of template.numberSlots) body.write(number, at, 'latin1');
      body.write(new Date().toISOString(), template.sentAtSlot, 'latin1');
      for (;;) {
        const t0 = performance.now();
        const res = await post(agent, port, auth, body);
        if (res.status === 503) {
          overloaded++;
          await sleep(res.retryAfter * 100);
          continue;
        }
        if (res.status !== 200) throw new Error(`POST /v1/batch answered ${res.status}: ${res.text}`);
        latencies.push(performance.now() - t0);
        break;
      }
    }
  }
  await Promise.all(Array.from({ length: SENDERS }, sender));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { seconds, perSecond: (requests * PER_REQUEST) / seconds, p50: q(0.5), p99: q(0.99), overloaded };
}

const formatLag = (lag) =>
  lag ? `${fmt(lag.worstLag, 1)} s / ${fmt(lag.catchUp, 1)} s${lag.caughtUp ? '' : ' (not caught up after 120 s)'}` : 'not measured';
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const results = [];

async function benchPostgres() {
  const suffix = `${process.pid}_${Date.now()}`;
  const apiDb = `northstar_bench_api_${suffix}`;
  const copyDb = `northstar_bench_copy_${suffix}`;
  psql(PG_URL, '-c', `CREATE DATABASE ${apiDb}`, '-c', `CREATE DATABASE ${copyDb}`);
  const urlFor = (db) => Object.assign(new URL(PG_URL), { pathname: `/${db}` }).toString();
  try {
    const env = { ...process.env, DATABASE_URL: urlFor(apiDb), NORTHSTAR_LOG_LEVEL: 'warn' };
    const setup = JSON.parse(
      cli(env, 'setup', '--workspace', 'Bench', '--admin-email', 'bench@example.com', '--admin-password', 'bench-password', '--json'),
    );
    const port = 4600 + Math.floor(Math.random() * 300);
    const server = await startServer(env, port);
    process.stdout.write(`PostgreSQL: sending ${fmt(EVENTS)} events…\n`);
    await linkUsersToAccounts(port, setup.writeKey);
    const probe = startRollupProbe(urlFor(apiDb));
    const api = await sendAll(port, setup.writeKey, EVENTS);
    const rollup = await probe.finish();
    await stopServer(server);
    const stored = Number(psql(urlFor(apiDb), '-At', '-c', `SELECT count(*) FROM usage_events WHERE ${TIMED_ROWS}`).trim());
    if (stored !== EVENTS) throw new Error(`expected ${EVENTS} stored events, found ${stored}`);

    // Baseline: the same rows, raw COPY into the same (freshly migrated) table.
    const file = path.join(work, 'pg-rows.tsv');
    psql(urlFor(apiDb), '-c', `\\copy (SELECT ${COLUMNS} FROM usage_events WHERE ${TIMED_ROWS}) TO '${file}'`);
    cli({ ...process.env, DATABASE_URL: urlFor(copyDb), NORTHSTAR_LOG_LEVEL: 'warn' }, 'migrate');
    const t0 = performance.now();
    psql(urlFor(copyDb), '-c', `\\copy usage_events (${COLUMNS}) FROM '${file}'`);
    const copySeconds = (performance.now() - t0) / 1000;
    fs.rmSync(file, { force: true });
    results.push({ engine: 'PostgreSQL 15', events: EVENTS, api, copy: EVENTS / copySeconds, target: 0.7, rollup });
  } finally {
    psql(PG_URL, '-c', `DROP DATABASE IF EXISTS ${apiDb} WITH (FORCE)`, '-c', `DROP DATABASE IF EXISTS ${copyDb} WITH (FORCE)`);
  }
}

async function benchPglite() {
  const apiDir = path.join(work, 'pglite-api');
  const copyDir = path.join(work, 'pglite-copy');
  const env = { ...process.env, NORTHSTAR_DATA_DIR: apiDir, NORTHSTAR_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const setup = JSON.parse(
    cli(env, 'setup', '--workspace', 'Bench', '--admin-email', 'bench@example.com', '--admin-password', 'bench-password', '--json'),
  );
  const port = 4600 + Math.floor(Math.random() * 300);
  const server = await startServer(env, port);
  await linkUsersToAccounts(port, setup.writeKey);
  process.stdout.write(`PGlite: sending ${fmt(PGLITE_EVENTS)} events…\n`);
  const api = await sendAll(port, setup.writeKey, PGLITE_EVENTS);
  await stopServer(server);

  const { PGlite } = await import('@electric-sql/pglite');
  const source = await PGlite.create({ dataDir: path.join(apiDir, 'pgdata') });
  const exported = await source.query(`COPY (SELECT ${COLUMNS} FROM usage_events WHERE ${TIMED_ROWS}) TO '/dev/blob'`);
  const text = await exported.blob.text();
  await source.close();
  const lines = text.split('\n').filter(Boolean);
  if (lines.length !== PGLITE_EVENTS) throw new Error(`expected ${PGLITE_EVENTS} stored events, found ${lines.length}`);

  cli({ ...env, NORTHSTAR_DATA_DIR: copyDir }, 'migrate');
  const target = await PGlite.create({ dataDir: path.join(copyDir, 'pgdata') });
  const t0 = performance.now();
  for (let i = 0; i < lines.length; i += 5_000) {
    const chunk = `${lines.slice(i, i + 5_000).join('\n')}\n`;
    await target.query(`COPY usage_events (${COLUMNS}) FROM '/dev/blob'`, [], { blob: new Blob([chunk]) });
  }
  const copySeconds = (performance.now() - t0) / 1000;
  await target.close();
  results.push({ engine: 'PGlite (file-backed)', events: PGLITE_EVENTS, api, copy: PGLITE_EVENTS / copySeconds, target: 0.35 });
}

if (arg('send-to')) {
  // Load an already running server only: --send-to <port> --write-key <key> [--events N].
  if (!flag('skip-link')) await linkUsersToAccounts(Number(arg('send-to')), arg('write-key'));
  process.stdout.write(`${JSON.stringify(await sendAll(Number(arg('send-to')), arg('write-key'), EVENTS))}\n`);
  process.exit(0);
}

try {
  if (!flag('skip-pg')) await benchPostgres();
  if (!flag('skip-pglite')) await benchPglite();
  const lines = [
    `\nIngest through POST /v1/batch (${PER_REQUEST} events a request, ${SENDERS} senders, ack after COMMIT) vs raw COPY of the same rows, ${os.cpus().length} cores`,
    '',
    '| engine | events | API events/s | p50 ack ms | p99 ack ms | 503s | raw COPY events/s | API / COPY | target | rollup lag (worst / after last ack) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${fmt(r.events)} | ${fmt(r.api.perSecond)} | ${fmt(r.api.p50, 1)} | ${fmt(r.api.p99, 1)} | ${r.api.overloaded} | ${fmt(r.copy)} | ${fmt((100 * r.api.perSecond) / r.copy, 1)}% | ≥ ${r.target * 100}% | ${formatLag(r.rollup)} |`,
    ),
    '',
    `Rollup lag: how long after an event was committed the rollups held it, sampled every ${PROBE_EVERY_MS / 1000} s during the load (target < 10 s); measured on PostgreSQL, where the`,
    'benchmark can read the database beside the server (PGlite has one owner: the server).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
