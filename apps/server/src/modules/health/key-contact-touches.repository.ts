import type { SessionQuery } from './health-session';
import type { FactsScope } from './facts-scope';

/**
 * Days from each account's as-of date back to its last touch with a key person (关键人) who was
 * still at the account then: the timeline's touches with that person, or the contact's own
 * last_contacted_at (imports and CRMs set it without logging a touch). Both only count up to the
 * as-of date, so history can be rebuilt; last_contacted_at keeps only the latest touch, so it
 * says nothing about dates before it. The one place relationship recency is read.
 */
export async function loadDaysSinceKeyContact(query: SessionQuery, scope: FactsScope): Promise<Map<string, number>> {
  const endOfDay = `((w.asof + 1)::timestamp AT TIME ZONE $2)`;
  const rows = await query<{ id: string; days: number }>(
    `SELECT account_id AS id, min(asof - day)::int AS days FROM (
       SELECT c.account_id::text AS account_id, w.asof, (c.last_contacted_at AT TIME ZONE $2)::date AS day
       FROM contacts c ${scope.join('c')}
       WHERE c.workspace_id = $1 AND c.is_key_person AND c.last_contacted_at < ${endOfDay}
         AND (c.left_at IS NULL OR c.left_at > w.asof) ${scope.filter('c')}
       UNION ALL
       SELECT t.account_id::text, w.asof, (t.occurred_at AT TIME ZONE $2)::date
       FROM touches t ${scope.join('t')}
       JOIN touch_contacts tc ON tc.touch_id = t.id
       JOIN contacts c ON c.id = tc.contact_id AND c.workspace_id = t.workspace_id AND c.is_key_person
       WHERE t.workspace_id = $1 AND t.occurred_at < ${endOfDay} AND (c.left_at IS NULL OR c.left_at > w.asof) ${scope.filter('t')}
     ) x
     GROUP BY account_id`,
    scope.params,
  );
  return new Map(rows.map((r) => [r.id, Number(r.days)]));
}
