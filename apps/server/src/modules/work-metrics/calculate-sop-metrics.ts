import type { ExecutionCounts, ExecutionDiagnosis, PlaybookStep, SopMetrics } from '@northstar/contracts';

/** One task as the metrics see it; times are ISO strings, dates 'YYYY-MM-DD' (UTC). */
export type ExecutedTask = {
  playbookId: string | null;
  stepKey: string | null;
  title: string;
  ownerId: string | null;
  status: 'open' | 'done' | 'skipped';
  dueDate: string;
  createdAt: string;
  closedAt: string | null;
  skipReason: string | null;
};

/**
 * WHO × HOW × WHAT (DOMAIN §5): when many people fail the same playbook, the playbook is the
 * likelier cause; when only some do, look at the people. The numbers below decide "many".
 */
export const SOP_THRESHOLDS = {
  /**
   * Tasks that came due (done, skipped or overdue) before a CSM is judged on a playbook or step.
   * Below five, one late task moves the rate by more than 20 points: that is noise, not a verdict.
   */
  minTasksPerCsm: 5,
  /** A CSM struggles with a playbook when at least this share of their due tasks went late, skipped or overdue. */
  poorExecutionRate: 0.4,
  /** Judged CSMs needed before blaming the playbook: two people's trouble may be coincidence. */
  minCsmsForVerdict: 3,
  /** Share of judged CSMs struggling at which it is a playbook problem rather than a people problem. */
  playbookProblemShare: 0.6,
} as const;

export type SopThresholds = { -readonly [K in keyof typeof SOP_THRESHOLDS]: number };

const DAY_MS = 86_400_000;

/** How one task ended up; overdue is an open task due before today. */
export function classifyTask(task: ExecutedTask, today: string): 'on_time' | 'late' | 'skipped' | 'overdue' | 'open' {
  if (task.status === 'done') return task.closedAt !== null && task.closedAt.slice(0, 10) > task.dueDate ? 'late' : 'on_time';
  if (task.status === 'skipped') return 'skipped';
  return task.dueDate < today ? 'overdue' : 'open';
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Started, on time, late, skipped (with reasons), open, overdue, rates and median days to complete. */
export function calculateExecutionCounts(tasks: readonly ExecutedTask[], today: string): ExecutionCounts {
  let onTime = 0;
  let late = 0;
  let skipped = 0;
  let open = 0;
  let overdue = 0;
  const durations: number[] = [];
  const reasons = new Map<string, number>();
  for (const task of tasks) {
    const outcome = classifyTask(task, today);
    if (outcome === 'on_time') onTime++;
    else if (outcome === 'late') late++;
    else if (outcome === 'skipped') {
      skipped++;
      const reason = task.skipReason?.trim() || 'no reason given';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    } else {
      open++;
      if (outcome === 'overdue') overdue++;
    }
    if (task.status === 'done' && task.closedAt) durations.push((Date.parse(task.closedAt) - Date.parse(task.createdAt)) / DAY_MS);
  }
  const due = onTime + late + skipped + overdue;
  const days = median(durations);
  return {
    started: tasks.length,
    completedOnTime: onTime,
    completedLate: late,
    skipped,
    open,
    overdue,
    onTimeRate: due > 0 ? round(onTime / due, 4) : null,
    problemRate: due > 0 ? round((late + skipped + overdue) / due, 4) : null,
    medianDaysToComplete: days === null ? null : round(days, 1),
    skipReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

const dueCount = (c: ExecutionCounts) => c.completedOnTime + c.completedLate + c.skipped + c.overdue;

/**
 * The verdict over the CSMs who ran a playbook (or one of its steps): who is judged (enough due
 * tasks), who struggles, and whether the trouble is the playbook's or some people's.
 */
export function diagnoseExecution(
  perCsm: ReadonlyMap<string, ExecutionCounts>,
  thresholds: SopThresholds = SOP_THRESHOLDS,
): { diagnosis: ExecutionDiagnosis; judged: string[]; struggling: string[] } {
  const judged = [...perCsm.entries()].filter(([, c]) => dueCount(c) >= thresholds.minTasksPerCsm).map(([id]) => id);
  const struggling = judged.filter((id) => (perCsm.get(id)!.problemRate ?? 0) >= thresholds.poorExecutionRate);
  if (judged.length === 0) return { diagnosis: 'insufficient_data', judged, struggling };
  if (struggling.length === 0) return { diagnosis: 'healthy', judged, struggling };
  // Too few people to tell a bad SOP from a few people having a bad quarter.
  if (judged.length < thresholds.minCsmsForVerdict) return { diagnosis: 'insufficient_data', judged, struggling };
  const diagnosis = struggling.length / judged.length >= thresholds.playbookProblemShare ? 'playbook_problem' : 'people_problem';
  return { diagnosis, judged, struggling };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const countsByOwner = (tasks: readonly ExecutedTask[], today: string) =>
  new Map([...groupBy(tasks, (t) => t.ownerId)].map(([owner, list]) => [owner, calculateExecutionCounts(list, today)]));

/**
 * SOP execution per playbook, per step, per CSM and for the team, with each playbook's and step's
 * diagnosis. Steps follow the playbook's current order; steps since removed come after, titled
 * from their tasks.
 */
export function calculateSopMetrics(input: {
  tasks: readonly ExecutedTask[];
  playbooks: readonly { id: string; name: string; steps: readonly PlaybookStep[] }[];
  people: ReadonlyMap<string, string>;
  from: string;
  to: string;
  today: string;
  thresholds?: SopThresholds;
}): SopMetrics {
  const { tasks, today } = input;
  const thresholds = input.thresholds ?? { ...SOP_THRESHOLDS };
  const name = (id: string) => input.people.get(id) ?? 'Former member';
  const tasksByPlaybook = groupBy(tasks, (t) => t.playbookId);
  const strugglingByCsm = new Map<string, string[]>();

  const playbooks = input.playbooks
    .filter((p) => tasksByPlaybook.has(p.id))
    .map((playbook) => {
      const own = tasksByPlaybook.get(playbook.id)!;
      const perCsm = countsByOwner(own, today);
      const verdict = diagnoseExecution(perCsm, thresholds);
      for (const csm of verdict.struggling) strugglingByCsm.set(csm, [...(strugglingByCsm.get(csm) ?? []), playbook.id]);
      const byStep = groupBy(own, (t) => t.stepKey);
      const currentKeys = playbook.steps.filter((s) => s.kind === 'task').map((s) => s.key);
      const stepKeys = [...currentKeys.filter((k) => byStep.has(k)), ...[...byStep.keys()].filter((k) => !currentKeys.includes(k)).sort()];
      return {
        playbookId: playbook.id,
        name: playbook.name,
        counts: calculateExecutionCounts(own, today),
        diagnosis: verdict.diagnosis,
        judgedCsmCount: verdict.judged.length,
        strugglingCsmIds: verdict.struggling,
        steps: stepKeys.map((key) => {
          const stepTasks = byStep.get(key)!;
          const title = playbook.steps.find((s) => s.key === key)?.title ?? stepTasks.at(-1)!.title;
          return {
            key,
            title,
            counts: calculateExecutionCounts(stepTasks, today),
            diagnosis: diagnoseExecution(countsByOwner(stepTasks, today), thresholds).diagnosis,
          };
        }),
        csms: [...perCsm.entries()]
          .map(([userId, counts]) => ({ userId, name: name(userId), counts, isStruggling: verdict.struggling.includes(userId) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    });

  const csms = [...countsByOwner(tasks, today).entries()]
    .map(([userId, counts]) => ({ userId, name: name(userId), counts, strugglingPlaybookIds: strugglingByCsm.get(userId) ?? [] }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    from: input.from,
    to: input.to,
    today,
    thresholds,
    team: calculateExecutionCounts(tasks, today),
    playbooks,
    csms,
  };
}
