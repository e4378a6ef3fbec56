import type { Database } from '@northstar/server';

/**
 * Builds the benchmark's portfolio straight into the tables, set-based (generate_series, one
 * statement per day): `accounts` accounts with `days` days of usage rollups ending `today`. Values
 * are hashes of (account, day, user), so both engines get the same rows. Per account 1–6 product
 * users, each active on ~40% of weekdays and ~8% of weekend days; 5 mapped features, of which the
 * rows use 2–4; "Order Processed" is the north star, with a target per account; a third of the
 * accounts have an NPS answer.
 */
export async function buildBenchPortfolio(database: Database, options: { accounts: number; days: number; today: string }): Promise<string> {
  const { accounts, days, today } = options;
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const ws = (await q(`INSERT INTO workspaces (name, slug) VALUES ('Bench', 'bench-' || floor(random() * 1e9)::text) RETURNING id`))
    .rows[0]!.id as string;
  await q(
    `INSERT INTO accounts (workspace_id, name, external_id, arr, licensed_seats, tier, status, contract_start)
     SELECT $1::uuid, 'Bench ' || n, 'bench-' || lpad(n::text, 7, '0'), (1000 + (hashint4(n) & 65535))::numeric, 3 + (hashint4(n + 7) & 15),
            (ARRAY['S','A','B','C'])[1 + (hashint4(n + 11) & 3)], 'active', $3::date - 800
     FROM generate_series(1, $2::int) n`,
    [ws, accounts, today],
  );
  // Number the accounts so the hashes are per account, independent of uuid order.
  await q(
    `CREATE TABLE bench_accounts AS SELECT id, row_number() OVER (ORDER BY external_id)::int AS n FROM accounts WHERE workspace_id = $1`,
    [ws],
  );
  for (const [name, event] of [
    ['Dashboards', 'Dashboard Viewed'],
    ['Orders', 'Order Processed'],
    ['Reports', 'Report Created'],
    ['Comments', 'Comment Added'],
    ['Exports', 'Export Downloaded'],
  ]) {
    await q(`INSERT INTO product_features (workspace_id, name, event_name) VALUES ($1, $2, $3)`, [ws, name, event]);
  }
  await q(
    `INSERT INTO health_north_star_targets (workspace_id, account_id, target, updated_at) SELECT $1, id, 40 + (hashint4(n * 3) & 63), now() FROM bench_accounts`,
    [ws],
  );
  await q(
    `INSERT INTO health_experience_inputs (workspace_id, account_id, kind, value, observed_at, source, created_at)
     SELECT $1, id, 'nps', (hashint4(n * 5) & 1023) % 11, $2::date - 20, 'bench', now() FROM bench_accounts WHERE n % 3 = 0`,
    [ws, today],
  );
  for (let d = days - 1; d >= 0; d--) {
    await q(
      `WITH ud AS (
         SELECT a.id, $2::date - $3::int AS day, 'u' || a.n || '-' || u AS user_id, 1 + (h & 15) AS events,
                1 + (h & 7) AS dashboards, (h >> 4) & 7 AS orders, ((h >> 8) & 3 = 0)::int AS reports, ((h >> 10) & 7 = 0)::int * 2 AS exports
         FROM bench_accounts a
         CROSS JOIN LATERAL generate_series(1, 1 + (hashint4(a.n) & 7) % 6) u
         CROSS JOIN LATERAL (SELECT hashint4(a.n * 977 + $3::int * 31 + u) AS h) r
         WHERE (r.h >> 16) & 127 < CASE WHEN extract(isodow FROM $2::date - $3::int) > 5 THEN 10 ELSE 51 END
       ), users AS (
         INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts)
         SELECT $1::uuid, id, day, user_id, events,
                jsonb_strip_nulls(jsonb_build_object('Dashboard Viewed', dashboards, 'Order Processed', nullif(orders, 0),
                  'Report Created', nullif(reports, 0), 'Export Downloaded', nullif(exports, 0)))
         FROM ud RETURNING 1
       )
       INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
       SELECT $1::uuid, id, day, sum(events)::int, count(*)::int, ARRAY[0,0,0,0,0,0,0,0,1,2,3,2,1,2,3,2,1,0,0,0,0,0,0,0],
              jsonb_strip_nulls(jsonb_build_object('Dashboard Viewed', sum(dashboards)::int, 'Order Processed', nullif(sum(orders), 0)::int,
                'Report Created', nullif(sum(reports), 0)::int, 'Export Downloaded', nullif(sum(exports), 0)::int))
       FROM ud GROUP BY id, day`,
      [ws, today, d],
    );
  }
  await q(`DROP TABLE bench_accounts`);
  // A live workspace's rollups were written over months and autovacuum has long since visited them;
  // rows bulk-loaded a moment ago have not been, so the first query to read them would also pay for
  // marking 90 days of rows committed (hint bits) and writing those pages back.
  for (const table of ['usage_user_days', 'usage_account_days', 'accounts', 'health_experience_inputs', 'health_north_star_targets'])
    await q(`VACUUM ANALYZE ${table}`);
  return ws;
}
