#!/usr/bin/env node
// Benchmark of `northstar import accounts` on 100,000 realistic rows: the real CLI process on
// PGlite (temp data dir) and on PostgreSQL (a fresh database), against a same-run baseline of a
// raw psql \copy of the same rows into a table with the same columns and indexes.
// Usage: npm run bench:import [-- --rows 100000] [--pg postgres://postgres@127.0.0.1:5432/postgres]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'apps/cli/bin/northstar.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', '100000'));
const PG_URL = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-bench-import-'));

// Deterministic pseudo-random data: same file on every run.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = (list) => list[Math.floor(rand() * list.length)];
const industries = ['SaaS', 'Manufacturing', '制造业', 'Retail', '零售', 'Finance', 'Healthcare', 'Logistics', '教育'];
const regions = ['EMEA', 'NA', 'APAC', '华东', '华南', 'LATAM'];
const plans = ['Starter', 'Growth', 'Enterprise'];
const stages = ['handoff', 'onboarding', 'rollout', 'stable', 'renewal'];
const tags = ['upsell', 'risk', 'champion-left', 'reference', '重点客户', 'beta'];
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const pad = (n) => String(n).padStart(2, '0');

function generate() {
  const importFile = path.join(work, 'accounts.csv');
  const copyFile = path.join(work, 'accounts-copy.csv');
  const workspaceId = randomUUID();
  const a = fs.openSync(importFile, 'w');
  const c = fs.openSync(copyFile, 'w');
  fs.writeSync(a, 'External ID,Account Name,Domain,Industry,Employees,Region,Plan,ARR,Currency,Contract Start,Renewal Date,Seats,Tier,Stage,Tags\n');
  let bufA = '';
  let bufC = '';
  for (let i = 1; i <= ROWS; i++) {
    const cjk = i % 7 === 0;
    const name = cjk ? `北极星客户 ${i} 有限公司` : `Acme ${i}, Inc.`;
    const arr = Math.round(rand() * 500_000_00) / 100;
    const year = 2025 + Math.floor(rand() * 3);
    const renewal = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const start = `${year - 1}-${renewal.slice(5)}`;
    const rowTags = [pick(tags), pick(tags)].filter((t, k, all) => all.indexOf(t) === k);
    const row = {
      ext: `crm-${String(i).padStart(7, '0')}`,
      name,
      domain: `acme${i}.example.com`,
      industry: pick(industries),
      employees: 10 + Math.floor(rand() * 5000),
      region: pick(regions),
      plan: pick(plans),
      arr,
      currency: cjk ? 'CNY' : 'USD',
      start,
      renewal,
      seats: 5 + Math.floor(rand() * 500),
      tier: pick(['S', 'A', 'B', 'C']),
      stage: pick(stages),
    };
    const arrText = arr.toLocaleString('en-US', { minimumFractionDigits: 2 });
    bufA += `${[row.ext, quote(row.name), row.domain, row.industry, row.employees, row.region, row.plan, quote(arrText), row.currency, row.start, row.renewal, row.seats, row.tier, row.stage, rowTags.join('; ')].join(',')}\n`;
    bufC += `${[randomUUID(), workspaceId, row.ext, quote(row.name), row.domain, row.industry, row.employees, row.region, row.plan, arr.toFixed(2), row.currency, row.start, row.renewal, row.seats, row.tier, row.stage, quote(`{${rowTags.map((t) => `"${t}"`).join(',')}}`)].join(',')}\n`;
    if (i % 5000 === 0) {
      fs.writeSync(a, bufA);
      fs.writeSync(c, bufC);
      bufA = bufC = '';
    }
  }
  fs.writeSync(a, bufA);
  fs.writeSync(c, bufC);
  fs.closeSync(a);
  fs.closeSync(c);
  return { importFile, copyFile, workspaceId };
}

/** Runs a command under /usr/bin/time -v; returns wall seconds and peak RSS (MB). */
function timed(command, args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
  }
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout };
}

function cli(env, ...args) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`northstar ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function psql(url, ...args) {
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout;
}

function importRun(label, env, file) {
  cli(env, 'setup', '--workspace', 'Bench', '--admin-email', 'bench@example.com', '--admin-password', 'bench-password', '--json');
  // A CLI process that only opens and checks the database: start-up cost and baseline memory.
  const idle = timed(process.execPath, [bin, 'migrate'], env);
  const first = timed(process.execPath, [bin, 'import', 'accounts', file, '--json'], env);
  const report = JSON.parse(first.stdout);
  if (report.created !== ROWS) throw new Error(`${label}: expected ${ROWS} created, got ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3), changes: [] })}`);
  const again = timed(process.execPath, [bin, 'import', 'accounts', file, '--json'], env);
  const noop = JSON.parse(again.stdout);
  if (noop.unchanged !== ROWS) throw new Error(`${label}: re-import changed rows`);
  return { label, idle, first, again };
}

const results = [];
const { importFile, copyFile, workspaceId } = generate();
const mb = (fs.statSync(importFile).size / 1_048_576).toFixed(1);
process.stdout.write(`Generated ${ROWS.toLocaleString('en-US')} account rows (${mb} MB) in ${work}\n`);

const baseEnv = { ...process.env, NORTHSTAR_LOG_LEVEL: 'silent' };
delete baseEnv.DATABASE_URL;
results.push(importRun('PGlite (file data dir)', { ...baseEnv, NORTHSTAR_DATA_DIR: path.join(work, 'pglite') }, importFile));

const dbName = `northstar_bench_${Date.now()}`;
const dbUrl = new URL(PG_URL);
dbUrl.pathname = `/${dbName}`;
psql(PG_URL, '-c', `CREATE DATABASE ${dbName}`);
let copySeconds;
try {
  results.push(importRun('PostgreSQL 15', { ...baseEnv, DATABASE_URL: dbUrl.toString(), NORTHSTAR_DATA_DIR: path.join(work, 'unused') }, importFile));
  // Baseline: the same rows, already normalised, through psql \copy into a table with the same
  // columns, defaults and indexes as accounts (LIKE … INCLUDING ALL), no parsing or validation.
  psql(dbUrl.toString(), '-c', 'CREATE TABLE bench_accounts_copy (LIKE accounts INCLUDING ALL)');
  const columns = 'id, workspace_id, external_id, name, domain, industry, employees, region, plan, arr, currency, contract_start, renewal_date, licensed_seats, tier, lifecycle_stage, tags';
  const started = process.hrtime.bigint();
  psql(dbUrl.toString(), '-c', `\\copy bench_accounts_copy (${columns}) FROM '${copyFile}' WITH (FORMAT csv)`);
  copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const count = psql(dbUrl.toString(), '-At', '-c', `SELECT count(*) FROM bench_accounts_copy WHERE workspace_id = '${workspaceId}'`).trim();
  if (Number(count) !== ROWS) throw new Error(`COPY loaded ${count} rows`);
} finally {
  psql(PG_URL, '-c', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}

const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [
  '',
  `| run | wall s | net s | rows/s (net) | peak RSS MB | COPY / import (net) |`,
  `|---|---:|---:|---:|---:|---:|`,
  `| psql \\copy baseline (PostgreSQL, same rows) | ${fmt(copySeconds, 2)} | ${fmt(copySeconds, 2)} | ${fmt(ROWS / copySeconds, 0)} | – | 1.00 |`,
];
for (const r of results) {
  lines.push(`| ${r.label}: CLI start-up only (\`northstar migrate\`) | ${fmt(r.idle.seconds, 2)} | – | – | ${fmt(r.idle.rssMb, 0)} | – |`);
  for (const [what, m] of [['import (all new)', r.first], ['re-import (no change)', r.again]]) {
    const net = Math.max(m.seconds - r.idle.seconds, 0.001);
    lines.push(`| ${r.label}: ${what} | ${fmt(m.seconds, 2)} | ${fmt(net, 2)} | ${fmt(ROWS / net, 0)} | ${fmt(m.rssMb, 0)} | ${fmt(copySeconds / net, 2)} |`);
  }
}
lines.push(
  '',
  'wall = the whole CLI process; net = wall minus the start-up-only process (tsx, engine open, migration check),',
  'i.e. the two streamed passes and the commit. Peak RSS is /usr/bin/time -v of the process; compare it with the start-up-only row.',
);
process.stdout.write(`${lines.join('\n')}\n`);
fs.rmSync(work, { recursive: true, force: true });
