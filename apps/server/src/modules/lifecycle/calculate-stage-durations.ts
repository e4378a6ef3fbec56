import type { LifecycleStage } from '@northstar/contracts';
import { countDaysBetween } from './count-days-between';
import { findStageDefinition, type LifecycleConfig } from './lifecycle-config';

/** One entry of an account's stage history. */
export type StageHistoryEntry = { stage: LifecycleStage; enteredAt: string };

/** One stay in a stage: how long, against how long it should take. */
export type StageStay = {
  stage: LifecycleStage;
  enteredAt: string;
  /** When the next stage was entered; null for the current stay. */
  leftAt: string | null;
  days: number;
  expectedDays: number | null;
  isOverdue: boolean;
  /** Days beyond the expected duration, 0 when on time. */
  overdueDays: number;
};

/** Every stay, the current one, and total days per stage over all visits (renewal comes back yearly). */
export type StageDurations = { stays: StageStay[]; current: StageStay | null; totalDaysByStage: Partial<Record<LifecycleStage, number>> };

/** Time in stage from a history (any order), flagging stays longer than the stage's expected duration. */
export function calculateStageDurations(history: readonly StageHistoryEntry[], config: LifecycleConfig, today: string): StageDurations {
  // A stable sort keeps same-day moves in the order they were recorded.
  const ordered = history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.enteredAt.localeCompare(b.entry.enteredAt) || a.index - b.index);
  const totalDaysByStage: Partial<Record<LifecycleStage, number>> = {};
  const stays = ordered.map(({ entry }, i): StageStay => {
    const leftAt = ordered[i + 1]?.entry.enteredAt ?? null;
    const days = Math.max(countDaysBetween(entry.enteredAt, leftAt ?? today), 0);
    const expectedDays = findStageDefinition(config, entry.stage)?.expectedDurationDays ?? null;
    const overdueDays = expectedDays === null ? 0 : Math.max(days - expectedDays, 0);
    totalDaysByStage[entry.stage] = (totalDaysByStage[entry.stage] ?? 0) + days;
    return { stage: entry.stage, enteredAt: entry.enteredAt, leftAt, days, expectedDays, isOverdue: overdueDays > 0, overdueDays };
  });
  return { stays, current: stays[stays.length - 1] ?? null, totalDaysByStage };
}
