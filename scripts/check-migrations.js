#!/usr/bin/env node
// Fails when the drizzle schema and the committed migrations disagree: drizzle-kit generates
// into a scratch copy of the migrations folder, and any new migration there is drift.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const server = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../apps/server');
const scratch = path.join(server, '.tmp-drift');
fs.rmSync(scratch, { recursive: true, force: true });
fs.cpSync(path.join(server, 'migrations'), scratch, { recursive: true });
try {
  const before = new Set(fs.readdirSync(scratch));
  const result = spawnSync(
    'npx',
    ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', './src/db-schema.ts', '--out', './.tmp-drift', '--prefix', 'index', '--name', 'drift'],
    { cwd: server, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    process.exit(1);
  }
  const added = fs.readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length > 0) {
    process.stderr.write(
      `Schema drift: the drizzle schema has changes with no committed migration.\n` +
        `Run: npm run db:generate -- --name verb_object   (then commit apps/server/migrations)\n` +
        fs.readFileSync(path.join(scratch, added.find((f) => f.endsWith('.sql')) ?? added[0]), 'utf8'),
    );
    process.exit(1);
  }
  process.stdout.write('Schema and migrations agree.\n');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
