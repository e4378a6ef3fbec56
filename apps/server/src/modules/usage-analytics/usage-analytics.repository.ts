import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database';

type Range = { from: string; to: string };

/** Read queries over the rollups; every one is scoped by workspace first. */
export function createUsageAnalyticsRepository(db: Db) {
  // An account's rows, or the whole portfolio's when accountId is undefined.
  const scope = (workspaceId: string, accountId: string | undefined, alias = '') => {
    const p = sql.raw(alias ? `${alias}.` : '');
    return accountId
      ? sql`${p}workspace_id = ${workspaceId}::uuid AND ${p}account_id = ${accountId}::uuid`
      : sql`${p}workspace_id = ${workspaceId}::uuid`;
  };

  async function loadFeatureAdoption(tx: Db, workspaceId: string, accountId: string | undefined, range: Range) {
    const key: SQL = sql`CASE WHEN f.property_name IS NULL THEN f.event_name ELSE f.event_name || chr(31) || f.property_name || '=' || f.property_value END`;
    const rows = await queryRows<{
      name: string;
      module: string | null;
      users: number;
      accounts: number;
      events: number;
      first_day: string;
      last_day: string;
    }>(
      tx,
      // Extract-then-filter rather than joining on `event_counts ? key`: the planner guesses
      // 0.1% of rows for `?`, sorts all of them on disk; with a right estimate it hashes (2 s → 0.8 s
      // for a 10,000-account portfolio's month). Counting accounts per feature in its own
      // aggregate, not with count(DISTINCT), keeps every step a hash aggregate.
      sql`WITH hits AS (
            SELECT name, account_id, user_id, day, n FROM (
              SELECT f.name, ud.account_id, ud.user_id, ud.day, (ud.event_counts ->> (${key}))::int AS n
              FROM product_features f JOIN usage_user_days ud ON ud.workspace_id = f.workspace_id
              WHERE f.workspace_id = ${workspaceId}::uuid AND ${scope(workspaceId, accountId, 'ud')}
                AND ud.day BETWEEN ${range.from}::date AND ${range.to}::date) h
            WHERE n IS NOT NULL
          ), per_user AS (
            SELECT name, account_id, user_id, sum(n) AS n, min(day) AS first_day, max(day) AS last_day FROM hits GROUP BY 1, 2, 3
          ), per_account AS (
            SELECT name, account_id, count(*) AS users, sum(n) AS n, min(first_day) AS first_day, max(last_day) AS last_day
            FROM per_user GROUP BY 1, 2
          )
          SELECT p.name, (SELECT min(module) FROM product_features m WHERE m.workspace_id = ${workspaceId}::uuid AND m.name = p.name) AS module,
            sum(users)::int AS users, count(*)::int AS accounts, sum(n)::bigint AS events,
            min(first_day)::text AS first_day, max(last_day)::text AS last_day
          FROM per_account p GROUP BY p.name ORDER BY users DESC, p.name`,
    );
    return rows.map((r) => ({
      name: r.name,
      module: r.module,
      users: Number(r.users),
      accounts: Number(r.accounts),
      events: Number(r.events),
      firstUsedDate: r.first_day,
      lastUsedDate: r.last_day,
    }));
  }

  return {
    async findWorkspaceTimezone(workspaceId: string): Promise<string | undefined> {
      const rows = await queryRows<{ timezone: string }>(db, sql`SELECT timezone FROM workspaces WHERE id = ${workspaceId}::uuid`);
      return rows[0]?.timezone;
    },

    async findAccount(workspaceId: string, accountId: string) {
      const rows = await queryRows<{ id: string; licensed_seats: number | null }>(
        db,
        sql`SELECT id, licensed_seats FROM accounts WHERE workspace_id = ${workspaceId}::uuid AND id = ${accountId}::uuid AND deleted_at IS NULL`,
      );
      return rows[0];
    },

    /** Events, active users and hourly counts per day (summed over accounts for the portfolio). */
    async listDays(workspaceId: string, accountId: string | undefined, range: Range) {
      const rows = await queryRows<{ day: string; events: number; active_users: number; hour_counts: number[] }>(
        db,
        sql`SELECT day::text AS day, events, active_users, hour_counts FROM usage_account_days
            WHERE ${scope(workspaceId, accountId)} AND day BETWEEN ${range.from}::date AND ${range.to}::date`,
      );
      return rows.map((r) => ({
        day: r.day,
        events: Number(r.events),
        activeUsers: Number(r.active_users),
        hourCounts: r.hour_counts.map(Number),
      }));
    },

    /**
     * The whole workspace's events, active users and hourly counts per day, summed in SQL: one
     * row per day instead of one per account and day (10,000 accounts × 30 days would be
     * 300,000 rows, with their arrays, to ship and add up in the process).
     */
    async listPortfolioDays(workspaceId: string, range: Range) {
      const hours = sql.raw(Array.from({ length: 24 }, (_, h) => `coalesce(sum(hour_counts[${h + 1}]), 0)::bigint`).join(', '));
      const rows = await queryRows<{ day: string; events: number; active_users: number; hour_counts: number[] }>(
        db,
        sql`SELECT day::text AS day, sum(events)::bigint AS events, sum(active_users)::bigint AS active_users, ARRAY[${hours}] AS hour_counts
            FROM usage_account_days
            WHERE workspace_id = ${workspaceId}::uuid AND day BETWEEN ${range.from}::date AND ${range.to}::date
            GROUP BY day`,
      );
      return rows.map((r) => ({
        day: r.day,
        events: Number(r.events),
        activeUsers: Number(r.active_users),
        hourCounts: r.hour_counts.map(Number),
      }));
    },

    async listUserDays(workspaceId: string, accountId: string, range: Range) {
      const rows = await queryRows<{ user_id: string; day: string }>(
        db,
        sql`SELECT user_id, day::text AS day FROM usage_user_days
            WHERE ${scope(workspaceId, accountId)} AND day BETWEEN ${range.from}::date AND ${range.to}::date`,
      );
      return rows.map((r) => ({ userId: r.user_id, day: r.day }));
    },

    /** Distinct active users and events over a range; two-stage GROUP BY instead of count(DISTINCT). */
    async summarise(workspaceId: string, accountId: string | undefined, range: Range) {
      const rows = await queryRows<{ users: number; events: number; accounts: number }>(
        db,
        sql`SELECT count(*)::int AS users, coalesce(sum(events), 0)::bigint AS events, count(DISTINCT account_id)::int AS accounts
            FROM (SELECT account_id, user_id, sum(events) AS events FROM usage_user_days
                  WHERE ${scope(workspaceId, accountId)} AND day BETWEEN ${range.from}::date AND ${range.to}::date
                  GROUP BY account_id, user_id) u`,
      );
      const totals = await queryRows<{ events: number; accounts: number }>(
        db,
        sql`SELECT coalesce(sum(events), 0)::bigint AS events, count(DISTINCT account_id)::int AS accounts FROM usage_account_days
            WHERE ${scope(workspaceId, accountId)} AND day BETWEEN ${range.from}::date AND ${range.to}::date`,
      );
      return { users: Number(rows[0]?.users ?? 0), events: Number(totals[0]?.events ?? 0), accounts: Number(totals[0]?.accounts ?? 0) };
    },

    async findLastActiveDate(workspaceId: string, accountId: string): Promise<string | null> {
      const rows = await queryRows<{ day: string | null }>(
        db,
        sql`SELECT max(day)::text AS day FROM usage_account_days WHERE ${scope(workspaceId, accountId)}`,
      );
      return rows[0]?.day ?? null;
    },

    /** Per feature: users, events, accounts and first/last use, from the per-user-day counts. */
    async listFeatureAdoption(workspaceId: string, accountId: string | undefined, range: Range) {
      // A portfolio's month is about a million feature hits: with the default 4 MB of work_mem the
      // planner sorts them on disk (1.3 s for 10,000 accounts, bench:usage), with 64 MB it hashes
      // them (0.45 s). One account's rows are few: no transaction needed for them.
      return accountId
        ? loadFeatureAdoption(db, workspaceId, accountId, range)
        : withWorkMem(db, (tx) => loadFeatureAdoption(tx, workspaceId, undefined, range));
    },

    async listTopUsers(workspaceId: string, accountId: string, range: Range, limit: number) {
      const rows = await queryRows<{
        user_id: string;
        events: number;
        days: number;
        last_day: string;
        traits: Record<string, unknown> | null;
      }>(
        db,
        sql`SELECT d.user_id, d.events, d.days, d.last_day::text AS last_day, u.traits
            FROM (SELECT user_id, sum(events)::bigint AS events, count(*)::int AS days, max(day) AS last_day FROM usage_user_days
                  WHERE ${scope(workspaceId, accountId)} AND day BETWEEN ${range.from}::date AND ${range.to}::date
                  GROUP BY user_id ORDER BY sum(events) DESC, user_id LIMIT ${limit}) d
            LEFT JOIN usage_users u ON u.workspace_id = ${workspaceId}::uuid AND u.user_id = d.user_id
            ORDER BY d.events DESC, d.user_id`,
      );
      return rows.map((r) => ({
        userId: r.user_id,
        name: typeof r.traits?.name === 'string' ? r.traits.name : null,
        email: typeof r.traits?.email === 'string' ? r.traits.email : null,
        events: Number(r.events),
        activeDays: Number(r.days),
        lastSeenDate: r.last_day,
      }));
    },

    async listTopAccounts(workspaceId: string, range: Range, limit: number) {
      const rows = await queryRows<{ account_id: string; name: string; events: number; users: number; licensed_seats: number | null }>(
        db,
        sql`SELECT d.account_id, a.name, d.events, coalesce(u.users, 0) AS users, a.licensed_seats
            FROM (SELECT account_id, sum(events)::bigint AS events FROM usage_account_days
                  WHERE workspace_id = ${workspaceId}::uuid AND day BETWEEN ${range.from}::date AND ${range.to}::date
                  GROUP BY account_id ORDER BY sum(events) DESC LIMIT ${limit}) d
            JOIN accounts a ON a.id = d.account_id AND a.workspace_id = ${workspaceId}::uuid
            LEFT JOIN LATERAL (SELECT count(*)::int AS users FROM (SELECT user_id FROM usage_user_days
                  WHERE workspace_id = ${workspaceId}::uuid AND account_id = d.account_id AND day BETWEEN ${range.from}::date AND ${range.to}::date
                  GROUP BY user_id) x) u ON true
            ORDER BY d.events DESC`,
      );
      return rows.map((r) => ({
        accountId: r.account_id,
        name: r.name,
        events: Number(r.events),
        activeUsers: Number(r.users),
        licensedSeats: r.licensed_seats,
      }));
    },

    /**
     * Per live account: licensed seats, distinct active users over `range`, and whether it ever
     * sent usage. One pass over the range's user-days for the whole workspace (two-stage GROUP BY).
     */
    async listSeatActivity(workspaceId: string, range: Range) {
      const rows = await queryRows<{ account_id: string; licensed_seats: number | null; users: number; has_usage: boolean }>(
        db,
        sql`SELECT a.id::text AS account_id, a.licensed_seats, coalesce(u.users, 0)::int AS users,
              EXISTS (SELECT 1 FROM usage_account_days d WHERE d.workspace_id = a.workspace_id AND d.account_id = a.id) AS has_usage
            FROM accounts a
            LEFT JOIN (SELECT account_id, count(*)::int AS users
                       FROM (SELECT account_id, user_id FROM usage_user_days
                             WHERE workspace_id = ${workspaceId}::uuid AND day BETWEEN ${range.from}::date AND ${range.to}::date
                             GROUP BY 1, 2) x
                       GROUP BY 1) u ON u.account_id = a.id
            WHERE a.workspace_id = ${workspaceId}::uuid AND a.deleted_at IS NULL`,
      );
      return rows.map((r) => ({
        accountId: r.account_id,
        licensedSeats: r.licensed_seats === null ? null : Number(r.licensed_seats),
        activeUsers30d: Number(r.users),
        hasUsage: Boolean(r.has_usage),
      }));
    },

    /** Distinct users over the 7 and 30 days ending `to` for the whole workspace. */
    async countPortfolioActiveUsers(workspaceId: string, to: string, from7: string, from30: string) {
      const rows = await queryRows<{ wau: number; mau: number }>(
        db,
        sql`SELECT count(*) FILTER (WHERE last_day >= ${from7}::date)::int AS wau, count(*)::int AS mau
            FROM (SELECT account_id, user_id, max(day) AS last_day FROM usage_user_days
                  WHERE workspace_id = ${workspaceId}::uuid AND day BETWEEN ${from30}::date AND ${to}::date GROUP BY 1, 2) u`,
      );
      return { wau: Number(rows[0]?.wau ?? 0), mau: Number(rows[0]?.mau ?? 0) };
    },
  };
}

/** Runs `fn` in a transaction whose large aggregates may hash in memory rather than sort on disk. */
async function withWorkMem<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return fn(tx as unknown as Db);
  });
}
