#!/usr/bin/env node
// `npm test`: typecheck, lint, migration drift check, then every test file (unit, integration,
// browser e2e) through node's test runner. Flags: --skip-static (no typecheck/lint/drift),
// --only unit|integration|e2e.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const skipStatic = args.includes('--skip-static');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)';

function run(label, command, commandArgs, options = {}) {
  const started = Date.now();
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`\n${label} failed after ${seconds}s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`== ${label}: ok in ${seconds}s\n`);
}

function findTests(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(root, full));
  }
  return out;
}

const kindOf = (file) => (file.startsWith('e2e/') ? 'e2e' : /\.(routes|repository|service|job|integration)\.test\.ts$/.test(file) ? 'integration' : 'unit');

if (!skipStatic && !only) {
  run('typecheck', 'npm', ['run', 'typecheck', '--silent']);
  run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
  run('migration drift check', 'node', ['scripts/check-migrations.js']);
}

const files = ['apps', 'packages', 'e2e']
  .filter((d) => fs.existsSync(path.join(root, d)))
  .flatMap((d) => findTests(path.join(root, d)))
  .filter((f) => !only || kindOf(f) === only)
  .sort();

if (files.some((f) => kindOf(f) === 'e2e')) {
  run('build web UI for browser tests', 'npm', ['run', 'build', '-w', '@northstar/web', '--silent']);
}

process.stdout.write(`\n== tests on ${engine}: ${files.length} files\n`);
const started = Date.now();
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...files], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const status = await new Promise((resolve) => child.on('close', resolve));
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail');
const skipped = count('skipped');
process.stdout.write(`\n== tests on ${engine} took ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(status === 0 && failed === 0 && passed > 0 ? 0 : 1);
