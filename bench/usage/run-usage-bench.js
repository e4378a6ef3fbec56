#!/usr/bin/env node
// Benchmark of the usage analytics reads on 10,000 accounts × 90 days of rollups: the account
// usage page (GET /api/v1/accounts/:id/usage), the portfolio usage page, tiering's seat
// engagement and a segment filter on a usage metric, each through the service the route calls,
// against a same-run raw-SQL baseline reading the rows those answers are built from.
// Runs on PostgreSQL (a fresh database, dropped after) and on PGlite (a temp data dir).
// Usage: npm run bench:usage [-- --accounts 10000 --days 90 --samples 200 --pg postgres://postgres@127.0.0.1:5432/postgres --engine both|pg|pglite]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { register } from 'tsx/esm/api';
import pg from 'pg';

// The server is TypeScript run through tsx (ADR 0006): load it the same way the CLI does.
register();
const { openDatabase } = await import('../../apps/server/src/platform/db/database.ts');
const { migrateDatabase } = await import('../../apps/server/src/platform/db/migrate.ts');
const { createServices } = await import('../../apps/server/src/services.ts');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ACCOUNTS = Number(arg('accounts', '10000'));
const DAYS = Number(arg('days', '90'));
const SAMPLES = Number(arg('samples', '200'));
const PG_URL = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const ENGINE = arg('engine', 'both');
// The last day of data; every query asks relative to it, so results do not depend on the clock.
const TO = '2026-03-31';
const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const FROM_30 = addDays(TO, -29);
const FROM_90 = addDays(TO, -(DAYS - 1));

// Deterministic pseudo-random account picks: the same accounts on every run and engine.
let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

/**
 * Builds the workspace's rollups in bulk with generate_series, the shape the incremental rollup
 * writes: a Pareto of heavy and light accounts (account i has ~400/i^0.6 users, 1–40), each user
 * active on ~60% of days, weekends quieter; per-user-day counts of two mapped feature events.
 */
async function generate(database, workspaceId) {
  const q = (text, params = []) => database.query(text, params);
  await q(
    `INSERT INTO accounts (workspace_id, name, external_id, arr, licensed_seats)
     SELECT $1::uuid, 'Bench account ' || i, 'bench-' || i, round((2000000.0 / power(i, 0.9))::numeric, 2),
            greatest(2, least(60, floor(500 / power(i, 0.6))::int + 2))
     FROM generate_series(1, $2::int) i`,
    [workspaceId, ACCOUNTS],
  );
  await q(`CREATE TABLE bench_accounts AS
     SELECT substr(external_id, 7)::int AS i, id, greatest(1, least(40, floor(400 / power(substr(external_id, 7)::int, 0.6))::int)) AS users
     FROM accounts WHERE workspace_id = '${workspaceId}'::uuid`);
  await q(
    `INSERT INTO usage_users (workspace_id, user_id, account_id, traits, first_seen_at, last_seen_at)
     SELECT $1::uuid, 'u-' || a.i || '-' || j, a.id, jsonb_build_object('name', 'User ' || j, 'email', 'u' || j || '@acme' || a.i || '.example'),
            $2::date - $3::int, $2::date
     FROM bench_accounts a, generate_series(1, a.users) j`,
    [workspaceId, TO, DAYS],
  );
  await q(
    `INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts)
     SELECT $1::uuid, a.id, $2::date - d, 'u-' || a.i || '-' || j, 3 + (a.i + j + d) % 17,
            jsonb_build_object('Report Viewed', 1 + (a.i + j + d) % 9, 'Dashboard Viewed', 2 + (a.i * j + d) % 8)
     FROM bench_accounts a, generate_series(0, $3::int - 1) d, generate_series(1, a.users) j
     WHERE (a.i * 7 + j * 13 + d * 31) % 10 < (CASE WHEN extract(isodow FROM $2::date - d) > 5 THEN 2 ELSE 6 END)`,
    [workspaceId, TO, DAYS],
  );
  await q(
    `INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
     SELECT workspace_id, account_id, day, sum(events)::int, count(*)::int,
            ARRAY[0,0,0,0,0,0,0,0,1,2,3,3,2,3,3,2,1,1,0,0,0,0,0,0]::int[],
            jsonb_build_object('Report Viewed', sum((event_counts->>'Report Viewed')::int), 'Dashboard Viewed', sum((event_counts->>'Dashboard Viewed')::int))
     FROM usage_user_days WHERE workspace_id = $1::uuid GROUP BY 1, 2, 3`,
    [workspaceId],
  );
  await q(
    `INSERT INTO product_features (workspace_id, name, module, event_name) VALUES
       ($1::uuid, 'Reports', 'Analytics', 'Report Viewed'), ($1::uuid, 'Dashboards', 'Analytics', 'Dashboard Viewed')`,
    [workspaceId],
  );
  await q('ANALYZE');
  const count = async (table) =>
    Number((await q(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1::uuid`, [workspaceId])).rows[0].n);
  return { accountDays: await count('usage_account_days'), userDays: await count('usage_user_days'), users: await count('usage_users') };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Runs `fn` once to warm up, then `n` times in sequence; milliseconds p50/p99/mean. */
async function measure(n, fn) {
  await fn(0);
  const times = [];
  for (let k = 0; k < n; k++) {
    const started = performance.now();
    await fn(k);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { n, p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((s, t) => s + t, 0) / n };
}

async function runEngine(label, database) {
  const clock = { now: () => new Date(`${TO}T12:00:00Z`) };
  const services = createServices({ database, clock });
  const setup = await services.setupWorkspace({
    name: 'Usage bench',
    slug: `bench-${randomBytes(3).toString('hex')}`,
    adminEmail: `bench-${randomBytes(3).toString('hex')}@example.com`,
    adminPassword: 'bench-password-long',
  });
  const workspaceId = setup.workspace.id;
  const started = performance.now();
  const sizes = await generate(database, workspaceId);
  const buildSeconds = (performance.now() - started) / 1000;
  const ids = (await database.query('SELECT id FROM bench_accounts ORDER BY i')).rows.map((r) => String(r.id));
  const picks = Array.from({ length: SAMPLES }, () => ids[Math.floor(rand() * ids.length)]);
  const few = Math.max(5, Math.round(SAMPLES / 10));

  const results = [];
  const pair = async (name, n, service, baseline) => {
    const s = await measure(n, service);
    const b = await measure(n, baseline);
    results.push({ name, service: s, baseline: b });
  };
  await pair(
    'account usage, 30 days',
    SAMPLES,
    (k) => services.usageAnalytics.getAccountUsage(workspaceId, picks[k % picks.length], { from: FROM_30, to: TO }),
    (k) =>
      database.query(
        `SELECT day, events, active_users, hour_counts FROM usage_account_days WHERE workspace_id = $1 AND account_id = $2 AND day BETWEEN $3 AND $4`,
        [workspaceId, picks[k % picks.length], FROM_30, TO],
      ),
  );
  await pair(
    `account usage, ${DAYS} days`,
    SAMPLES,
    (k) => services.usageAnalytics.getAccountUsage(workspaceId, picks[k % picks.length], { from: FROM_90, to: TO }),
    (k) =>
      database.query(
        `SELECT day, events, active_users, hour_counts FROM usage_account_days WHERE workspace_id = $1 AND account_id = $2 AND day BETWEEN $3 AND $4`,
        [workspaceId, picks[k % picks.length], FROM_90, TO],
      ),
  );
  await pair(
    'portfolio usage, 30 days',
    few,
    () => services.usageAnalytics.getPortfolioUsage(workspaceId, { from: FROM_30, to: TO }),
    () =>
      database.query(
        `SELECT day, sum(events) AS events, sum(active_users) AS users FROM usage_account_days WHERE workspace_id = $1 AND day BETWEEN $2 AND $3 GROUP BY day`,
        [workspaceId, FROM_30, TO],
      ),
  );
  await pair(
    'tiering seat engagement, all accounts',
    few,
    () => services.usageAnalytics.loadSeatEngagement(workspaceId, ids, { today: TO }),
    () =>
      database.query(
        `SELECT account_id, count(*) FROM (SELECT account_id, user_id FROM usage_user_days WHERE workspace_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1, 2) x GROUP BY 1`,
        [workspaceId, FROM_30, TO],
      ),
  );
  const lowUse = JSON.stringify({ op: 'and', conditions: [{ field: 'metric.seatUtilisation', operator: 'lt', value: 30 }] });
  await pair(
    'account list count, seatUtilisation < 30%',
    few,
    () => services.accounts.countAccounts(workspaceId, { filter: lowUse }),
    () =>
      database.query(
        `SELECT count(*) FROM accounts a LEFT JOIN (SELECT account_id, count(*) AS users FROM (SELECT account_id, user_id FROM usage_user_days
           WHERE workspace_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1, 2) x GROUP BY 1) u ON u.account_id = a.id
         WHERE a.workspace_id = $1 AND a.deleted_at IS NULL AND coalesce(u.users, 0) * 100.0 / nullif(a.licensed_seats, 0) < 30`,
        [workspaceId, FROM_30, TO],
      ),
  );
  return { label, sizes, buildSeconds, results };
}

function print({ label, sizes, buildSeconds, results }) {
  const ms = (x) => x.toFixed(x < 10 ? 2 : 1);
  console.log(
    `\n== ${label}: ${ACCOUNTS} accounts × ${DAYS} days: ${sizes.accountDays} account-days, ${sizes.userDays} user-days, ${sizes.users} users (built in ${buildSeconds.toFixed(1)} s)`,
  );
  console.log('| query | n | service p50 ms | service p99 ms | raw SQL p50 ms | raw SQL p99 ms | service / raw (p50) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.service.n} | ${ms(r.service.p50)} | ${ms(r.service.p99)} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p99)} | ${(r.service.p50 / r.baseline.p50).toFixed(1)}× |`,
    );
  }
}

async function withPostgres(fn) {
  const name = `northstar_bench_usage_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
    const dropper = new pg.Client({ connectionString: PG_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  }
}

async function withPglite(fn) {
  // File-backed: PGlite in memory slows down with table size (STACK.md).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-bench-usage-'));
  const database = await openDatabase({ dataDir, owner: 'bench:usage' });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`bench:usage — ${ACCOUNTS} accounts × ${DAYS} days, ${SAMPLES} samples per account query (sequential, one client), to ${TO}`);
if (ENGINE !== 'pglite') print(await withPostgres((db) => runEngine('PostgreSQL 15', db)));
if (ENGINE !== 'pg') print(await withPglite((db) => runEngine('PGlite (file-backed, in-process)', db)));
