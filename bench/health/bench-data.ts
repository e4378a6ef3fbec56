import type { Database } from '@northstar/server';

/**
 * Builds the benchmark's portfolio straight into the tables, set-based: `accounts` accounts with
 * `days` days of usage rollups ending `today`. Every value is a deterministic hash of (account,
 * day, user), so both engines get the same rows. Per account 1–6 product users, each active on
 * ~40% of weekdays and ~8% of weekend days; 5 mapped features; "Order Processed" is the north star.
 */
export async function buildBenchPortfolio(database: Database, options: { accounts: number; days: number; today: string }) {
  const { accounts, days, today } = options;
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const ws = (await q(`INSERT INTO workspaces (name, slug) VALUES ('Bench', 'bench-' || floor(random() * 1e9)::text) RETURNING id`)).rows[0]!.id as string;
  await q(
    `INSERT INTO accounts (workspace_id, name, external_id, arr, licensed_seats, tier, status, contract_start)
     SELECT $1::uuid, 'Bench ' || n, 'bench-' || n, (1000 + (hashint4(n) & 65535))::numeric, 3 + (hashint4(n + 7) & 15), 
            (ARRAY['S','A','B','C'])[1 + (hashint4(n + 11) & 3)], 'active', $3::date - 800
     FROM generate_series(1, $2::int) n`,
    [ws, accounts, today],
  );
  // Number the accounts so the hashes are per account, independent of uuid order.
  await q(`CREATE TEMP TABLE bench_accounts AS SELECT id, row_number() OVER (ORDER BY external_id)::int AS n FROM accounts WHERE workspace_id = $1`, [ws]);
  for (const [name, event] of [
    ['Dashboards', 'Dashboard Viewed'],
    ['Orders', 'Order Processed'],
    ['Reports', 'Report Created'],
    ['Comments', 'Comment Added'],
    ['Exports', 'Export Downloaded'],
  ]) {
    await q(`INSERT INTO product_features (workspace_id, name, event_name) VALUES ($1, $2, $3)`, [ws, name, event]);
  }
  // One day at a time keeps each statement's memory small on PGlite.
  for (let d = days - 1; d >= 0; d--) {
    await q(
      `INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts)
       SELECT $1::uuid, a.id, $2::date - $3::int, 'u' || a.n || '-' || u, 1 + (h & 15),
              jsonb_build_object('Dashboard Viewed', 1 + (h & 7), 'Order Processed', (h >> 4) & 7)
                || CASE WHEN (h >> 8) & 3 = 0 THEN '{"Report Created": 1}'::jsonb ELSE '{}'::jsonb END
                || CASE WHEN (h >> 10) & 7 = 0 THEN '{"Export Downloaded": 2}'::jsonb ELSE '{}'::jsonb END
       FROM bench_accounts a
       CROSS JOIN LATERAL generate_series(1, 1 + (hashint4(a.n) & 7) % 6) u
       CROSS JOIN LATERAL (SELECT hashint4(a.n * 977 + $3::int * 31 + u) AS h) r
       WHERE (r.h >> 16) & 127 < CASE WHEN extract(isodow FROM $2::date - $3::int) > 5 THEN 10 ELSE 51 END`,
      [ws, today, d],
    );
    await q(
      `INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
       SELECT workspace_id, account_id, day, sum(events)::int, count(*)::int, ARRAY[0,0,0,0,0,0,0,0,1,2,3,2,1,2,3,2,1,0,0,0,0,0,0,0],
              jsonb_build_object('Dashboard Viewed', sum((event_counts->>'Dashboard Viewed')::int), 'Order Processed', sum((event_counts->>'Order Processed')::int))
       FROM usage_user_days WHERE workspace_id = $1 AND day = $2::date - $3::int GROUP BY 1, 2, 3`,
      [ws, today, d],
    );
  }
  await q(`DROP TABLE bench_accounts`);
  await q(`ANALYZE usage_user_days`);
  await q(`ANALYZE usage_account_days`);
  await q(`ANALYZE accounts`);
  return ws;
}
