import type { DemoPlan } from './demo-plan';
import type { Random } from './demo-random';
import { generateDemoStageHistory, type DemoStay } from './generate-demo-stage-history';
import { generateDemoTasks, type DemoRun, type DemoTask } from './generate-demo-tasks';
import { generateDemoTouches, type DemoTouch } from './generate-demo-touches';

/** The demo's work (issue #7): stage history, a year of touches, playbook runs with their CTAs, and tasks. */
export type DemoWork = { stays: DemoStay[]; touches: DemoTouch[]; runs: DemoRun[]; tasks: DemoTask[] };

export function generateDemoWork(plan: DemoPlan, random: Random): DemoWork {
  const stays = generateDemoStageHistory(plan.accounts, plan.today);
  const touches = generateDemoTouches({ today: plan.today, accounts: plan.accounts, contacts: plan.contacts, stays }, random);
  const { runs, tasks } = generateDemoTasks({ today: plan.today, accounts: plan.accounts, stays, touches }, random);
  return { stays, touches, runs, tasks };
}

/** Rows the work step writes, for the progress bar. */
export function countDemoWorkRows(plan: DemoPlan): number {
  const work = plan.work;
  if (!work) return 0;
  return work.stays.length + work.touches.length + work.runs.length * 2 + work.tasks.length;
}
