import type { DemoOptions, DemoPlan } from './demo-plan';
import { createRandom } from './demo-random';
import { DEMO_STEPS } from './demo-steps';
import { generateDemoPeople } from './generate-demo-people';

export const DEFAULT_DEMO_ACCOUNT_COUNT = 500;

/**
 * The whole demo dataset, without I/O: the same seed and reference date always give the same
 * plan, whatever the machine, engine or time of day.
 */
export function generateDemoPlan(options: DemoOptions): DemoPlan {
  const resolved = { accountCount: DEFAULT_DEMO_ACCOUNT_COUNT, ...options };
  let plan: DemoPlan = {
    seed: options.seed,
    today: options.today,
    people: generateDemoPeople(),
    accounts: [],
    contacts: [],
    usage: { start: options.today, accounts: [] },
  };
  for (const step of DEMO_STEPS) {
    plan = { ...plan, ...step.generate(plan, createRandom(options.seed, step.name), resolved) };
  }
  return plan;
}
