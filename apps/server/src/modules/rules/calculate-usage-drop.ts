/**
 * The fall from the previous period to the current one, in percent (0–100), or null when there
 * was nothing to fall from. A rise is 0: only drops fire the trigger.
 */
export function calculateUsageDrop(previous: number, current: number): number | null {
  if (!(previous > 0)) return null;
  return Math.max(0, Math.round(((previous - current) / previous) * 1000) / 10);
}
