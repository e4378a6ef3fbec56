/** One `health.score_changed` event: the score before and after. */
export type ScoreChange = { occurredAt: Date; previousScore: number | null; score: number | null };

/**
 * How far the score stands below its highest value of the `withinDays` days up to `asOf`, from
 * the score changes of that account (any order). The score before the first change in the window
 * held from the window's start, so it counts as a value of the window too. Null without a current
 * score or any change in the window.
 */
export function calculateScoreDrop(
  changes: readonly ScoreChange[],
  asOf: Date,
  withinDays: number,
): { drop: number; peak: number; score: number } | null {
  const from = asOf.getTime() - withinDays * 86_400_000;
  const inWindow = changes
    .filter((c) => c.occurredAt.getTime() >= from && c.occurredAt.getTime() <= asOf.getTime())
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const last = inWindow.at(-1);
  if (!last || last.score === null) return null;
  const values = inWindow.flatMap((c) => [c.previousScore, c.score]).filter((v): v is number => v !== null);
  const peak = Math.max(...values);
  return { drop: peak - last.score, peak, score: last.score };
}

/** Reads a score_changed payload, accepting {score, previousScore} or {to, from} numbers. */
export function readScoreChange(payload: Record<string, unknown>, occurredAt: Date): ScoreChange {
  const num = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
  return { occurredAt, score: num(payload.score ?? payload.to), previousScore: num(payload.previousScore ?? payload.from) };
}
