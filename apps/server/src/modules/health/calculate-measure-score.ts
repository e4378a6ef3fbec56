import type { MeasureTransform } from './scorecard';

/**
 * A raw value's 0–100 score under a transform, or null when there is no data (null, undefined,
 * NaN or ±Infinity): a missing input must never read as a zero.
 */
export function calculateMeasureScore(raw: number | null | undefined, transform: MeasureTransform): number | null {
  if (raw === null || raw === undefined || !Number.isFinite(raw)) return null;
  if (transform.type === 'linear') {
    const { min, max, direction } = transform;
    const position = Math.min(1, Math.max(0, (raw - min) / (max - min)));
    return 100 * (direction === 'higher_is_better' ? position : 1 - position);
  }
  // Steps are listed from the lowest raw value up; the direction is already in the step scores.
  // Counted in a loop, not filtered into an array: this runs per measure per account (1M times a recompute).
  let step = 0;
  for (const cut of transform.cuts) if (raw >= cut) step += 1;
  return transform.scores[step] ?? null;
}
