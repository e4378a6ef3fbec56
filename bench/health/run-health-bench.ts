// Benchmark of health scoring (issue #5): 100,000 accounts with 90 days of usage rollups, on
// PostgreSQL (a fresh database, dropped at the end) and on PGlite (a temp data dir). Prints the
// time to recompute every account's score for one day (cold: no snapshot yet; warm: the 5-minute
// job rewriting the day) and to rebuild 90 days of history, against a same-run baseline: a plain
// aggregate of the same rollup rows (events and active user-days per account over 30 days).
// Usage: npm run bench:health [-- --accounts 100000] [--days 90] [--rebuild-days 90]
//        [--pg postgres://postgres@127.0.0.1:5432/postgres] [--skip-pg] [--skip-pglite]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createServices, migrateDatabase, openDatabase, type Database } from '@northstar/server';
import { buildBenchPortfolio } from './bench-data';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ACCOUNTS = Number(arg('accounts', '100000'));
const DAYS = Number(arg('days', '90'));
const REBUILD_DAYS = Number(arg('rebuild-days', '90'));
const PG_URL = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const TODAY = '2026-05-01';
// The scorer's "now": noon of the benchmark's today in UTC (the bench workspace's zone).
const clock = { now: () => new Date(`${TODAY}T12:00:00Z`) };
const TARGETS = { postgres: 5, pglite: 10 } as const;

type Result = {
  engine: 'postgres' | 'pglite';
  build: number;
  accountDays: number;
  userDays: number;
  baseline: number;
  cold: number;
  warm: number;
  rebuild: number;
  rebuildDays: number;
  snapshotBytes: string;
};

const seconds = (start: number) => (performance.now() - start) / 1000;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function run(engine: 'postgres' | 'pglite', database: Database): Promise<Result> {
  await migrateDatabase(database);
  let start = performance.now();
  log(`[${engine}] building ${ACCOUNTS.toLocaleString('en-US')} accounts × ${DAYS} days of rollups…`);
  const workspaceId = await buildBenchPortfolio(database, { accounts: ACCOUNTS, days: DAYS, today: TODAY });
  const build = seconds(start);
  const counts = (
    await database.query(`SELECT (SELECT count(*) FROM usage_account_days)::int AS ad, (SELECT count(*) FROM usage_user_days)::int AS ud`)
  ).rows[0]!;
  log(`[${engine}] built in ${build.toFixed(0)} s: ${counts.ad} account-days, ${counts.ud} user-days`);

  // Baseline, run twice so both sides read warm caches: the plain 30-day rollup aggregate.
  const baselineQuery = `SELECT account_id, sum(events), sum(active_users) FROM usage_account_days
    WHERE workspace_id = $1 AND day BETWEEN $2::date - 29 AND $2::date GROUP BY account_id`;
  await database.query(baselineQuery, [workspaceId, TODAY]);
  start = performance.now();
  await database.query(baselineQuery, [workspaceId, TODAY]);
  const baseline = seconds(start);

  const services = createServices({ database, clock });
  start = performance.now();
  const cold = await services.health.recomputeHealth(workspaceId);
  const coldSeconds = seconds(start);
  log(`[${engine}] recompute (cold) ${coldSeconds.toFixed(2)} s for ${cold.accounts} accounts`);
  start = performance.now();
  await services.health.recomputeHealth(workspaceId);
  const warm = seconds(start);
  log(`[${engine}] recompute (warm) ${warm.toFixed(2)} s`);

  start = performance.now();
  let lastLog = performance.now();
  const rebuilt = await services.health.rebuildHealth(workspaceId, { days: REBUILD_DAYS }, (done, total) => {
    if (performance.now() - lastLog > 30_000) {
      log(`[${engine}] rebuild ${done}/${total} days, ${seconds(start).toFixed(0)} s`);
      lastLog = performance.now();
    }
  });
  const rebuild = seconds(start);
  const size = (await database.query(`SELECT pg_size_pretty(pg_total_relation_size('health_snapshots')) AS size`)).rows[0]!.size as string;
  log(`[${engine}] rebuild ${rebuilt.days} days in ${rebuild.toFixed(0)} s (${rebuilt.snapshots} snapshots, ${size})`);
  return {
    engine,
    build,
    accountDays: Number(counts.ad),
    userDays: Number(counts.ud),
    baseline,
    cold: coldSeconds,
    warm,
    rebuild,
    rebuildDays: rebuilt.days,
    snapshotBytes: size,
  };
}

async function runPostgres(): Promise<Result> {
  const name = `northstar_bench_health_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  try {
    return await run('postgres', database);
  } finally {
    await database.close();
    const dropper = new pg.Client({ connectionString: PG_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  }
}

async function runPglite(): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-bench-health-'));
  const database = await openDatabase({ dataDir: dir, owner: 'bench:health' });
  try {
    return await run('pglite', database);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const results: Result[] = [];
if (!process.argv.includes('--skip-pg')) results.push(await runPostgres());
if (!process.argv.includes('--skip-pglite')) results.push(await runPglite());

const rows = results.map((r) => [
  r.engine,
  ACCOUNTS.toLocaleString('en-US'),
  `${(r.accountDays / 1e6).toFixed(1)}M / ${(r.userDays / 1e6).toFixed(1)}M`,
  `${r.baseline.toFixed(2)} s`,
  `${r.cold.toFixed(2)} s`,
  `${(r.cold / r.baseline).toFixed(1)}×`,
  `${r.warm.toFixed(2)} s`,
  `< ${TARGETS[r.engine]} s ${r.cold < TARGETS[r.engine] ? 'met' : 'MISSED'}`,
  `${r.rebuild.toFixed(0)} s (${(r.rebuild / r.rebuildDays).toFixed(1)} s/day)`,
  r.snapshotBytes,
]);
const header = [
  'engine',
  'accounts',
  'account-days / user-days',
  'baseline',
  'recompute 1 day',
  'vs baseline',
  'again (warm)',
  'target',
  `rebuild ${REBUILD_DAYS} days`,
  'snapshots size',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
process.stdout.write(`\nHealth scoring benchmark (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end)\n`);
process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
process.stdout.write('baseline = plain 30-day aggregate of usage_account_days per account, same rows, same run.\n');
