import type { SessionQuery } from './health-session';
import type { FactsScope } from './facts-scope';

/**
 * Days from each account's as-of date back to its last touch with a key person (关键人) still at
 * the account then. The one place relationship recency is read: today from
 * contacts.last_contacted_at, which only keeps the latest touch, so a date before that touch has
 * no data. TODO(#9): read the timeline's touches instead, which give the full history.
 */
export async function loadDaysSinceKeyContact(query: SessionQuery, scope: FactsScope): Promise<Map<string, number>> {
  const rows = await query<{ id: string; days: number }>(
    `SELECT c.account_id::text AS id, min(w.asof - (c.last_contacted_at AT TIME ZONE $2)::date)::int AS days
     FROM contacts c ${scope.join('c')}
     WHERE c.workspace_id = $1 AND c.is_key_person AND c.last_contacted_at IS NOT NULL
       AND c.last_contacted_at < ((w.asof + 1)::timestamp AT TIME ZONE $2)
       AND (c.left_at IS NULL OR c.left_at > w.asof) ${scope.filter('c')}
     GROUP BY c.account_id`,
    scope.params,
  );
  return new Map(rows.map((r) => [r.id, Number(r.days)]));
}
