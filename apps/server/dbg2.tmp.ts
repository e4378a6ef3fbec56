import { generateDemoPlan } from './src/modules/demo/generate-demo-plan';
import { expandDemoUsageEvents } from './src/modules/demo/expand-demo-usage-events';
const plan = generateDemoPlan({ seed: 1, today: '2026-05-01' });
const acc = new Map(plan.accounts.map((a) => [a.key, a]));
const t = performance.now();
for (const u of plan.usage.accounts) {
  const t1 = performance.now();
  const ev = expandDemoUsageEvents({ seed: 1, start: plan.usage.start, timeZone: 'UTC', account: acc.get(u.accountKey)!, usage: u });
  const ms = performance.now() - t1;
  if (ms > 200) console.log(u.accountKey, ev.length, ms);
}
console.log('all', performance.now() - t);
