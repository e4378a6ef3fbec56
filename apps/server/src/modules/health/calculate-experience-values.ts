import { experienceKey } from './calculate-measure-inputs';

/** One experience input as the scorer reads it. */
export type ExperienceObservation = { accountId: string; kind: string; customKey: string; value: number; observedAt: number };

const DAY_MS = 86_400_000;
/** Inputs older than a year say nothing about the account today. */
export const STALE_DAYS = 365;
/** NPS and CSAT average one survey round: the answers within 90 days up to the latest. */
export const SURVEY_ROUND_DAYS = 90;

/**
 * Each account's experience values as of an instant (`before`, exclusive: the end of the as-of
 * day): NPS and CSAT the mean of the latest survey round, other kinds the latest value (of two at
 * the same instant, the larger); nothing older than a year. The same rule the input query applies
 * in SQL, for a rebuild that reads the inputs once instead of once per day.
 */
export function calculateExperienceValues(
  observations: readonly ExperienceObservation[],
  before: number,
): Map<string, Map<string, number>> {
  const latest = new Map<string, number>();
  const groupKey = (o: ExperienceObservation) => `${o.accountId}\u0000${experienceKey(o.kind, o.customKey)}`;
  const inRange = (o: ExperienceObservation) => o.observedAt < before && o.observedAt >= before - (STALE_DAYS + SURVEY_ROUND_DAYS) * DAY_MS;
  for (const o of observations) {
    if (!inRange(o)) continue;
    const key = groupKey(o);
    if ((latest.get(key) ?? -Infinity) < o.observedAt) latest.set(key, o.observedAt);
  }
  const sums = new Map<string, { account: string; kind: string; sum: number; count: number; max: number }>();
  for (const o of observations) {
    if (!inRange(o)) continue;
    const key = groupKey(o);
    const at = latest.get(key)!;
    if (at < before - STALE_DAYS * DAY_MS) continue;
    const isSurvey = o.kind === 'nps' || o.kind === 'csat';
    if (isSurvey ? o.observedAt <= at - SURVEY_ROUND_DAYS * DAY_MS : o.observedAt !== at) continue;
    const entry = sums.get(key) ?? { account: o.accountId, kind: experienceKey(o.kind, o.customKey), sum: 0, count: 0, max: -Infinity };
    entry.sum += o.value;
    entry.count += 1;
    entry.max = Math.max(entry.max, o.value);
    sums.set(key, entry);
  }
  const byAccount = new Map<string, Map<string, number>>();
  for (const entry of sums.values()) {
    const values = byAccount.get(entry.account) ?? new Map<string, number>();
    values.set(entry.kind, entry.kind === 'nps' || entry.kind === 'csat' ? entry.sum / entry.count : entry.max);
    byAccount.set(entry.account, values);
  }
  return byAccount;
}
