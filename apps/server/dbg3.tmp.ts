import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './src/platform/db/database';
import { migrateDatabase } from './src/platform/db/migrate';
import { createServices } from './src/services';
import { createDemoService } from './src/modules/demo';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-'));
const database = await openDatabase({ dataDir: dir });
await migrateDatabase(database);
const s = createServices({ database });
let n = 0; const t0g = performance.now();
const demo = createDemoService({ database, clock: s.clock, workspaces: s.workspaces, users: s.users, apiKeys: s.apiKeys, usage: {
  ingestEvents: async (w, e) => { const i = ++n; const t = performance.now(); if (i === 1) console.error('first send', (performance.now() - t0g) / 1000); const r = await s.usage.ingestEvents(w, e); void t; return r; },
  createFeature: s.usageAnalytics.createFeature, rollUpNewEvents: async () => { console.error('rollup'); const t = performance.now();  const r = process.env.RB ? await s.usageAnalytics.rebuildRollups({ from: '2026-01-31', to: '2026-05-02' }) : await s.usageAnalytics.rollUpNewEvents(); console.error('rollup ms', performance.now() - t); return r; } } });
const t0 = performance.now();
await demo.createDemo({ seed: 1, today: '2026-05-01' });
console.error('total', ((performance.now() - t0) / 1000).toFixed(1));
await database.close();
