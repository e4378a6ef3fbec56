import type { CtaOutcome, TaskPriority } from '@northstar/contracts';
import { addDays, atTime, daysBetween } from './demo-dates';
import type { DemoAccount } from './demo-plan';
import { DEMO_PLAYBOOKS, type DemoPlaybookKey } from './demo-playbooks';
import type { Random } from './demo-random';
import type { DemoStay } from './generate-demo-stage-history';
import { DEMO_STRUGGLING_CSM, DEMO_WORK_DAYS, type DemoTouch } from './generate-demo-touches';

/** The team lead every "team lead" step goes to: the demo's CS manager. */
const TEAM_LEAD_KEY = 'manager';

export type DemoRun = {
  key: string;
  playbookKey: DemoPlaybookKey;
  accountKey: string;
  ownerKey: string;
  /** ISO timestamp. */
  startedAt: string;
  cta: { status: 'open' | 'closed'; outcome: CtaOutcome | null; closedAt: string | null };
};

export type DemoTask = {
  key: string;
  accountKey: string;
  ownerKey: string;
  title: string;
  description: string;
  dueDate: string;
  priority: TaskPriority;
  status: 'open' | 'done' | 'skipped';
  skipReason: string | null;
  /** ISO timestamps. */
  createdAt: string;
  closedAt: string | null;
  stage: DemoAccount['lifecycleStage'];
  runKey: string | null;
  playbookKey: DemoPlaybookKey | null;
  stepKey: string | null;
};

/** Chance a task ends on time, late or skipped. */
type Odds = { onTime: number; late: number; skipped: number };
const GOOD: Odds = { onTime: 0.84, late: 0.11, skipped: 0.05 };
/** The struggling CSM, on every playbook: about half goes wrong. */
const STRUGGLING: Odds = { onTime: 0.42, late: 0.36, skipped: 0.22 };
/** The risk play asks too much too fast: everyone is late or gives up on it. */
const RISK_PLAY: Odds = { onTime: 0.33, late: 0.42, skipped: 0.25 };

const SKIP_REASONS: Record<DemoPlaybookKey | 'manual', readonly string[]> = {
  onboarding: ['Covered in the kickoff', 'Customer postponed', 'Not relevant for this account'],
  risk: ['Executive sponsor unavailable', 'Could not reach the champion', 'Customer declined a meeting'],
  renewal: ['Renewal handled by sales', 'Customer postponed'],
  manual: ['No longer needed', 'Customer postponed'],
};

/** Share of active accounts tagged at risk that got the risk play in the demo year. */
const RISK_PLAY_SHARE = 0.9;
/** Chance a meeting, training or business review leaves a follow-up task. */
const FOLLOW_UP_CHANCE = 0.3;

/**
 * A year of playbook runs (each with its CTA) and tasks: the onboarding SOP when an account
 * enters onboarding, the renewal play 90 days before each renewal, the risk play on accounts
 * that turned at risk, and follow-up tasks after meetings. Outcomes follow DEMO_STRUGGLING_CSM
 * and the risk play's odds; anything that would finish after the reference day is still open.
 */
export function generateDemoTasks(
  input: { today: string; accounts: readonly DemoAccount[]; stays: readonly DemoStay[]; touches: readonly DemoTouch[] },
  random: Random,
): { runs: DemoRun[]; tasks: DemoTask[] } {
  const { today } = input;
  const start = addDays(today, -DEMO_WORK_DAYS);
  const accountByKey = new Map(input.accounts.map((a) => [a.key, a]));
  const runs: DemoRun[] = [];
  const tasks: DemoTask[] = [];

  const startRun = (playbookKey: DemoPlaybookKey, account: DemoAccount, day: string, stage: DemoTask['stage']) => {
    const run: DemoRun = {
      key: `${account.key}-${playbookKey}-${runs.length}`,
      playbookKey,
      accountKey: account.key,
      ownerKey: account.ownerKey,
      startedAt: atTime(day, random.int(1, 9), random.int(0, 59)),
      cta: { status: 'open', outcome: null, closedAt: null },
    };
    const end = account.churnDate ?? today;
    const made: DemoTask[] = [];
    for (const step of DEMO_PLAYBOOKS[playbookKey].steps) {
      if (step.kind !== 'task') continue;
      const ownerKey = step.assignee.kind === 'team_lead' ? TEAM_LEAD_KEY : account.ownerKey;
      const odds = playbookKey === 'risk' ? RISK_PLAY : ownerKey === DEMO_STRUGGLING_CSM ? STRUGGLING : GOOD;
      made.push(
        finish(
          {
            key: `${run.key}-${step.key}`,
            accountKey: account.key,
            ownerKey,
            title: step.title,
            description: step.description,
            dueDate: addDays(day, step.dueOffsetDays),
            priority: step.priority,
            createdAt: run.startedAt,
            stage,
            runKey: run.key,
            playbookKey,
            stepKey: step.key,
          },
          odds,
          SKIP_REASONS[playbookKey],
          end,
          account.status === 'churned',
          random,
        ),
      );
    }
    if (made.every((t) => t.status !== 'open')) {
      const closedAt = made
        .map((t) => t.closedAt!)
        .sort()
        .at(-1)!;
      const outcome: CtaOutcome =
        account.status === 'churned' ? 'unresolved' : playbookKey === 'risk' && random.chance(0.35) ? 'unresolved' : 'resolved';
      run.cta = { status: 'closed', outcome, closedAt };
    }
    runs.push(run);
    tasks.push(...made);
  };

  for (const stay of input.stays) {
    const account = accountByKey.get(stay.accountKey)!;
    if (stay.enteredAt < start || stay.enteredAt >= today) continue;
    if (stay.stage === 'onboarding') startRun('onboarding', account, stay.enteredAt, 'onboarding');
    if (stay.stage === 'renewal') startRun('renewal', account, stay.enteredAt, 'renewal');
  }
  // The risk play: once, on an active at-risk account, on a day it was in rollout or stable use.
  for (const account of input.accounts) {
    if (account.status !== 'active' || !account.tags.includes('at-risk') || !random.chance(RISK_PLAY_SHARE)) continue;
    const middle = input.stays.filter(
      (s) => s.accountKey === account.key && (s.stage === 'rollout' || s.stage === 'stable') && (s.leftAt ?? today) > addDays(today, -240),
    );
    const stay = middle.length > 0 ? random.pick(middle) : undefined;
    if (!stay) continue;
    const from = stay.enteredAt > addDays(today, -240) ? stay.enteredAt : addDays(today, -240);
    const span = daysBetween(from, stay.leftAt ?? today);
    if (span <= 0) continue;
    startRun('risk', account, addDays(from, random.int(0, span - 1)), stay.stage);
  }
  for (const touch of input.touches) {
    if (!['meeting', 'training', 'business_review'].includes(touch.type) || !random.chance(FOLLOW_UP_CHANCE)) continue;
    const account = accountByKey.get(touch.accountKey)!;
    const day = touch.occurredAt.slice(0, 10);
    tasks.push(
      finish(
        {
          key: `${touch.key}-follow-up`,
          accountKey: account.key,
          ownerKey: touch.authorKey,
          title: 'Send the notes and next steps',
          description: `After: ${touch.title}`,
          dueDate: addDays(day, 5),
          priority: 'normal',
          createdAt: touch.occurredAt,
          stage: touch.stage,
          runKey: null,
          playbookKey: null,
          stepKey: null,
        },
        touch.authorKey === DEMO_STRUGGLING_CSM ? STRUGGLING : GOOD,
        SKIP_REASONS.manual,
        account.churnDate ?? today,
        account.status === 'churned',
        random,
      ),
    );
  }
  return { runs, tasks };
}

/**
 * Draws how a task ended. One that would close on or after `end` is still open today, or was
 * skipped on the churn date when the customer left.
 */
function finish(
  task: Omit<DemoTask, 'status' | 'skipReason' | 'closedAt'>,
  odds: Odds,
  reasons: readonly string[],
  end: string,
  churned: boolean,
  random: Random,
): DemoTask {
  const created = task.createdAt.slice(0, 10);
  const outcome = random.weighted([
    ['on_time', odds.onTime],
    ['late', odds.late],
    ['skipped', odds.skipped],
  ] as const);
  const slack = Math.max(daysBetween(created, task.dueDate), 0);
  const day =
    outcome === 'on_time'
      ? addDays(created, random.int(0, slack))
      : outcome === 'late'
        ? addDays(task.dueDate, random.int(1, 14))
        : addDays(task.dueDate, random.int(-2, 5));
  const closedDay = day < created ? created : day;
  // Closed later the same day it was created, never before.
  const closedAt =
    closedDay === created ? atTime(closedDay, 17, random.int(0, 59)) : atTime(closedDay, random.int(1, 16), random.int(0, 59));
  if (closedDay >= end) {
    // A customer who left takes its open work with it; for the others the work is simply not done yet.
    if (!churned) return { ...task, status: 'open', skipReason: null, closedAt: null };
    return {
      ...task,
      status: 'skipped',
      skipReason: 'Customer churned',
      closedAt: atTime(end < created ? created : end, 17, random.int(0, 59)),
    };
  }
  return {
    ...task,
    status: outcome === 'skipped' ? 'skipped' : 'done',
    skipReason: outcome === 'skipped' ? random.pick(reasons) : null,
    closedAt,
  };
}
