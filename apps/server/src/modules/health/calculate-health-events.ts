import type { Band } from './scorecard';

type StoredScore = { score: number | null; band: Band | null };

/** A `health.band_changed` or `health.score_changed` fact for the rules engine. */
export type HealthEvent = {
  type: 'health.band_changed' | 'health.score_changed';
  accountId: string;
  payload: { from: Band | null; to: Band | null; score: number | null; previousScore: number | null };
};

/**
 * The events a new score of the day raises. A band change is against the score last stored for
 * the account (earlier today, else yesterday), so a recompute every 5 minutes records each
 * change once. A drop is against yesterday's score, by at least `threshold` points, recorded
 * when today's score first crosses that line (not again on every later recompute of the day).
 * Without any stored score there is nothing to compare with, hence no event.
 */
export function calculateHealthEvents(
  scores: readonly ({ accountId: string } & StoredScore)[],
  reference: { same: ReadonlyMap<string, StoredScore>; previous: ReadonlyMap<string, StoredScore> },
  threshold: number,
): HealthEvent[] {
  const events: HealthEvent[] = [];
  for (const next of scores) {
    const earlierToday = reference.same.get(next.accountId);
    const yesterday = reference.previous.get(next.accountId);
    const last = earlierToday ?? yesterday;
    if (last && last.band !== next.band) {
      events.push({
        type: 'health.band_changed',
        accountId: next.accountId,
        payload: { from: last.band, to: next.band, score: next.score, previousScore: last.score },
      });
    }
    const base = yesterday?.score ?? null;
    if (base === null || next.score === null) continue;
    const isDrop = (score: number | null) => score !== null && score <= base - threshold;
    if (isDrop(next.score) && !isDrop(earlierToday?.score ?? null)) {
      events.push({
        type: 'health.score_changed',
        accountId: next.accountId,
        payload: { from: yesterday!.band, to: next.band, score: next.score, previousScore: base },
      });
    }
  }
  return events;
}
