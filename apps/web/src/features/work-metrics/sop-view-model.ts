import type { ExecutionCounts, ExecutionDiagnosis } from '@northstar/contracts';
import type { Tone } from '../../ui/badge';

/** A 0–1 share as a whole percent; "—" when nothing came due yet. */
export function formatRate(rate: number | null, locale = 'en'): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

export function formatDays(days: number | null, locale = 'en'): string {
  if (days === null) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days);
}

export const diagnosisTone: Record<ExecutionDiagnosis, Tone> = {
  playbook_problem: 'red',
  people_problem: 'amber',
  healthy: 'green',
  insufficient_data: 'neutral',
};

/** Red at or above the poor-execution threshold, amber from half of it, otherwise none. */
export function problemRateTone(rate: number | null, poorExecutionRate: number): Tone | undefined {
  if (rate === null) return undefined;
  if (rate >= poorExecutionRate) return 'red';
  if (rate >= poorExecutionRate / 2) return 'amber';
  return undefined;
}

/** The most frequent skip reasons first, at most `limit`, with the rest summed as `others`. */
export function topSkipReasons(
  counts: Pick<ExecutionCounts, 'skipReasons'>,
  limit = 3,
): { reasons: { reason: string; count: number }[]; others: number } {
  const sorted = [...counts.skipReasons].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const reasons = sorted.slice(0, limit);
  const others = sorted.slice(limit).reduce((sum, r) => sum + r.count, 0);
  return { reasons, others };
}

/** Playbooks needing attention first: playbook problems, then people problems, then by problem rate. */
export function sortByConcern<T extends { diagnosis: ExecutionDiagnosis; counts: Pick<ExecutionCounts, 'problemRate' | 'started'> }>(
  rows: readonly T[],
): T[] {
  const rank: Record<ExecutionDiagnosis, number> = { playbook_problem: 0, people_problem: 1, healthy: 2, insufficient_data: 3 };
  return [...rows].sort(
    (a, b) =>
      rank[a.diagnosis] - rank[b.diagnosis] ||
      (b.counts.problemRate ?? -1) - (a.counts.problemRate ?? -1) ||
      b.counts.started - a.counts.started,
  );
}
