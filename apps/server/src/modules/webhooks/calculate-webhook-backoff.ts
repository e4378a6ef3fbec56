const BASE_SECONDS = 15;
const FACTOR = 3;
const MAX_SECONDS = 6 * 3600;

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): 15 s, 45 s, 2¼ min, 6¾ min,
 * 20 min, 1 h, 3 h, capped at 6 h, so eight attempts span about four and a half hours: long
 * enough to ride out a receiver's deploy or short outage, short enough to be noticed the same day.
 */
export function calculateWebhookBackoff(attempt: number): number {
  return Math.min(MAX_SECONDS, BASE_SECONDS * FACTOR ** Math.max(0, attempt - 1));
}
