/** Who joined and who left a segment between two evaluations, sorted for stable events. */
export type SegmentMembershipDiff = { entered: string[]; left: string[] };

/**
 * The `segment.entered` / `segment.left` events to record when membership is recomputed.
 * Accounts deleted since the last run appear in `left`, so the history closes cleanly.
 */
export function diffSegmentMembership(previous: Iterable<string>, current: Iterable<string>): SegmentMembershipDiff {
  const before = new Set(previous);
  const now = new Set(current);
  const entered = [...now].filter((id) => !before.has(id)).sort();
  const left = [...before].filter((id) => !now.has(id)).sort();
  return { entered, left };
}
