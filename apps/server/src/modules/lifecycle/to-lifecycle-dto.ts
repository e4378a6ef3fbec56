import type { AccountLifecycle, LifecycleBoard } from '@northstar/contracts';
import { countDaysBetween } from './count-days-between';
import type { evaluateHandoffChecklist } from './evaluate-handoff-checklist';
import type { StageDefinition } from './lifecycle-config';
import type { LifecycleAccountRow } from './lifecycle.repository';

type BoardAccount = LifecycleBoard['columns'][number]['accounts'][number];

/** A board card: time in stage against the stage's expected duration. */
export function toBoardAccount(account: LifecycleAccountRow, expectedDays: number | null, today: string): BoardAccount {
  const daysInStage = account.enteredAt ? Math.max(countDaysBetween(account.enteredAt.toISOString(), today), 0) : null;
  const overdueDays = expectedDays !== null && daysInStage !== null ? Math.max(daysInStage - expectedDays, 0) : 0;
  return {
    id: account.id,
    name: account.name,
    arr: account.arr,
    tier: account.tier,
    enteredAt: account.enteredAt?.toISOString() ?? null,
    daysInStage,
    isOverdue: overdueDays > 0,
    overdueDays,
  };
}

/** The current stage's checklist: handoff items derived from facts and people, others ticked. */
export function buildChecklist(
  definition: StageDefinition,
  handoff: ReturnType<typeof evaluateHandoffChecklist>,
  ticks: readonly { stage: string; itemKey: string }[],
): AccountLifecycle['checklist'] {
  return definition.checklist.map((item) => {
    if (definition.stage === 'handoff') {
      const missing = handoff.missing.find((m) => m.item === item.key);
      return {
        key: item.key,
        label: item.label,
        required: item.required,
        done: !missing,
        source: 'derived' as const,
        problem: missing?.problem ?? null,
      };
    }
    const done = ticks.some((t) => t.stage === definition.stage && t.itemKey === item.key);
    return { key: item.key, label: item.label, required: item.required, done, source: 'ticked' as const, problem: null };
  });
}
