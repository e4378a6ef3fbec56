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
  // Materialised steps with equality joins only: the planner then hashes, even on PGlite where
  // these tables may never have been analysed (a nested-loop plan took 30× longer there).
  const rows = await query<{ id: string; days: number | null }>(
    `WITH key_people AS MATERIALIZED (
       SELECT c.id, c.account_id, w.asof, CASE WHEN c.last_contacted_at < ${endOfDay} THEN c.last_contacted_at END AS contacted_at
       FROM contacts c ${scope.join('c')}
       WHERE c.workspace_id = $1 AND c.is_key_person AND (c.left_at IS NULL OR c.left_at > w.asof) ${scope.filter('c')}
     ), touched AS MATERIALIZED (
       SELECT tc.contact_id, max(t.occurred_at) AS at
       FROM touches t ${scope.join('t')}
       JOIN touch_contacts tc ON tc.touch_id = t.id AND tc.workspace_id = t.workspace_id
       WHERE t.workspace_id = $1 AND t.occurred_at < ${endOfDay} ${scope.filter('t')}
       GROUP BY tc.contact_id
     )
     SELECT k.account_id::text AS id, min(k.asof - (greatest(k.contacted_at, x.at) AT TIME ZONE $2)::date)::int AS days
     FROM key_people k LEFT JOIN touched x ON x.contact_id = k.id
     GROUP BY k.account_id`,
    scope.params,
  );
  return new Map(rows.flatMap((r) => (r.days === null ? [] : [[r.id, Number(r.days)] as const])));
}
