import { randomUUID } from 'node:crypto';
import { param, sql } from 'drizzle-orm';
import { healthExperienceInputs, healthNorthStarTargets } from '../health/health.schema';
import type { DemoPlan } from './demo-plan';
import type { DemoWriteContext } from './demo-steps';
import { DEMO_HISTORY_FEATURES, type DemoUsageHistory } from './generate-demo-health';

// Accounts per history statement: each expands to a few hundred rows per account in SQL.
const HISTORY_BATCH = 100;
const INPUT_CHUNK = 1000;

/**
 * Writes the health step: the usage rollups before the raw window (expanded from a few numbers
 * per account by one set-based statement per batch, hashing (account, day, slot) so both engines
 * get the same rows), experience inputs recorded by each account's owner, and north-star targets.
 */
export async function writeDemoHealth(context: DemoWriteContext, plan: DemoPlan): Promise<void> {
  const { db, workspaceId, ids } = context;
  const health = plan.health;
  if (!health) return;
  const accountId = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo health refers to unknown account ${key}`);
    return id;
  };
  const owners = new Map(plan.accounts.map((a) => [a.key, ids.get(a.ownerKey) ?? null]));
  const number = new Map(plan.accounts.map((a, i) => [a.key, i + 1]));

  for (let i = 0; i < health.history.length; i += HISTORY_BATCH) {
    const batch = health.history.slice(i, i + HISTORY_BATCH);
    await db.execute(expandHistory(workspaceId, batch, accountId, (key) => number.get(key) ?? 0));
    context.onRows(batch.length);
  }
  const createdAt = new Date(`${plan.today}T00:00:00Z`);
  for (let i = 0; i < health.inputs.length; i += INPUT_CHUNK) {
    const chunk = health.inputs.slice(i, i + INPUT_CHUNK);
    await db.insert(healthExperienceInputs).values(
      chunk.map((input) => ({
        id: randomUUID(),
        workspaceId,
        accountId: accountId(input.accountKey),
        kind: input.kind,
        customKey: '',
        value: input.value,
        observedAt: new Date(input.observedAt),
        setBy: input.kind === 'csm_sentiment' ? (owners.get(input.accountKey) ?? null) : null,
        source: input.source,
        note: null,
        createdAt,
      })),
    );
    context.onRows(chunk.length);
  }
  for (let i = 0; i < health.targets.length; i += INPUT_CHUNK) {
    const chunk = health.targets.slice(i, i + INPUT_CHUNK);
    await db.insert(healthNorthStarTargets).values(
      chunk.map((t) => ({
        workspaceId,
        accountId: accountId(t.accountKey),
        target: t.target,
        setBy: owners.get(t.accountKey) ?? null,
        updatedAt: createdAt,
      })),
    );
    context.onRows(chunk.length);
  }
}

/** One statement: each account's days × its active users that day, into usage_user_days, then summed into usage_account_days. */
function expandHistory(
  workspaceId: string,
  batch: readonly DemoUsageHistory[],
  accountId: (key: string) => string,
  numberOf: (key: string) => number,
) {
  const column = <T>(pick: (h: DemoUsageHistory) => T) => param(batch.map(pick));
  const names = param([...DEMO_HISTORY_FEATURES]);
  const featureSums = DEMO_HISTORY_FEATURES.map(
    (_, f) =>
      sql`${DEMO_HISTORY_FEATURES[f]!}::text, nullif(sum((f1 = ${f}::int)::int * (CASE WHEN e = 2 AND f2 = f1 THEN 2 ELSE 1 END) + (e = 2 AND f2 = ${f}::int AND f2 <> f1)::int), 0)`,
  );
  return sql`WITH p AS (
      SELECT * FROM unnest(${column((h) => accountId(h.accountKey))}::uuid[], ${column((h) => h.accountKey)}::text[], ${column((h) => h.users)}::int[],
        ${column((h) => h.from)}::date[], ${column((h) => h.to)}::date[], ${column((h) => h.dailyUsers)}::float8[], ${column((h) => h.breadth)}::int[],
        ${column((h) => h.knots[0])}::date[], ${column((h) => h.knots[1])}::date[], ${column((h) => h.levels[0])}::float8[], ${column((h) => h.levels[1])}::float8[],
        ${column((h) => numberOf(h.accountKey))}::int[])
        AS p(id, key, users, d_from, d_to, daily, breadth, k1, k2, l1, l2, n)
    ), days AS (
      SELECT p.*, g::date AS day, (g::date - DATE '2000-01-01') AS dn,
        CASE WHEN g::date <= k1 THEN l1 WHEN g::date >= k2 THEN l2 ELSE l1 + (l2 - l1) * (g::date - k1)::float8 / greatest(1, k2 - k1) END AS level,
        (ARRAY[1, 1.05, 1.05, 1, 0.85, 0.12, 0.07])[extract(isodow FROM g)::int] AS wf
      FROM p, generate_series(p.d_from::timestamp, p.d_to::timestamp, interval '1 day') g
    ), picks AS (
      SELECT id, key, users, breadth, day, dn, n,
        least(users, floor(daily * level * wf * (0.6 + 0.8 * (hashint4(n * 100003 + dn) & 1023) / 1023.0) + (hashint4(n * 7919 + dn) & 1023) / 1024.0)::int) AS k
      FROM days
    ), ud AS (
      -- The day's k users: a run of k consecutive user numbers from a hashed offset, so distinct without a sort.
      SELECT id, key, day, 1 + ((hashint4(n * 131 + dn * 17) & 2147483647) + j) % users AS u,
        1 + ((hashint4(n * 31 + dn * 7 + j * 3) & 3) = 0)::int AS e,
        ((hashint4(n * 31 + dn * 7 + j * 3) >> 4) & 255) % breadth AS f1,
        ((hashint4(n * 31 + dn * 7 + j * 3) >> 12) & 255) % breadth AS f2
      FROM picks, generate_series(1, k) j WHERE k > 0
    ), user_rows AS (
      INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts)
      SELECT ${workspaceId}::uuid, id, day, key || '-u' || u, e,
        CASE WHEN e = 2 AND f2 <> f1 THEN jsonb_build_object((${names}::text[])[f1 + 1], 1, (${names}::text[])[f2 + 1], 1)
             ELSE jsonb_build_object((${names}::text[])[f1 + 1], e) END
      FROM ud
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
    SELECT ${workspaceId}::uuid, id, day, sum(e)::int, count(*)::int,
      array_fill(0, ARRAY[10]) || ARRAY[sum(e)::int] || array_fill(0, ARRAY[13]),
      jsonb_strip_nulls(jsonb_build_object(${sql.join(featureSums, sql`, `)}))
    FROM ud GROUP BY id, day
    ON CONFLICT (workspace_id, account_id, day) DO NOTHING`;
}
