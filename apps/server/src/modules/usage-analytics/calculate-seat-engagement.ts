/** One account's seats and activity, as the engagement query reads them. */
export type SeatActivity = { accountId: string; licensedSeats: number | null; activeUsers30d: number; hasUsage: boolean };

/**
 * Engagement per account for tiering (DOMAIN §3): distinct active users over 30 days / licensed
 * seats. Left out (so tiering falls back to health) when the account has no seats to divide by,
 * or has never sent usage at all — an account that is not instrumented is unknown, not idle.
 * An instrumented account that went quiet counts as 0. Not capped at 1: over-use is engagement.
 */
export function calculateSeatEngagement(rows: readonly SeatActivity[]): Map<string, number> {
  const engagement = new Map<string, number>();
  for (const row of rows) {
    if (!row.hasUsage || !row.licensedSeats || row.licensedSeats <= 0) continue;
    engagement.set(row.accountId, row.activeUsers30d / row.licensedSeats);
  }
  return engagement;
}
