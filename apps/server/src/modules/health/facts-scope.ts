/**
 * Which accounts the input queries gather for, and as of which date: one date for all (the
 * daily recompute, the fast path: a constant range the planner can scan by date), or a date per
 * account (the backtest: each account N days before its own outcome). Every query joins the
 * alias `w` with an `asof` date and the time zone `tz` (which also types $2 for queries that
 * never use it: PostgreSQL refuses an untyped unused parameter); $1 is the workspace, $2 its zone.
 */
export type FactsScope = {
  params: unknown[];
  /** FROM-clause join giving `w.asof` for rows of table alias `t`. */
  join: (t: string) => string;
  /** Extra WHERE conditions on alias `t` (account filter, date bounds `t`.`dayColumn`). */
  filter: (t: string, dayColumn?: string, daysBack?: number) => string;
  /** The ids gathered for, when limited. */
  accountIds: readonly string[] | null;
  /** Every account of the workspace as of one date: a rollup's rows are then picked by workspace and date alone. */
  isWholeWorkspace: boolean;
};

/** All or some accounts as of one local date. */
export function singleDateScope(workspaceId: string, timeZone: string, date: string, accountIds: readonly string[] | null): FactsScope {
  const params: unknown[] = [workspaceId, timeZone, date];
  if (accountIds) params.push(accountIds);
  return {
    params,
    accountIds,
    isWholeWorkspace: accountIds === null,
    join: () => `CROSS JOIN (SELECT $3::date AS asof, $2::text AS tz) w`,
    filter: (t, dayColumn, daysBack) =>
      [
        accountIds ? `AND ${t}.${t === 'a' ? 'id' : 'account_id'} = ANY($4::uuid[])` : '',
        dayColumn ? `AND ${t}.${dayColumn} BETWEEN $3::date - ${daysBack ?? 0} AND $3::date` : '',
      ].join(' '),
  };
}

/** Each account as of its own local date. */
export function perAccountScope(
  workspaceId: string,
  timeZone: string,
  targets: readonly { accountId: string; date: string }[],
): FactsScope {
  const params: unknown[] = [workspaceId, timeZone, targets.map((t) => t.accountId), targets.map((t) => t.date)];
  return {
    params,
    accountIds: targets.map((t) => t.accountId),
    isWholeWorkspace: false,
    join: (t) =>
      `JOIN (SELECT x.account_id, x.asof, $2::text AS tz FROM unnest($3::uuid[], $4::date[]) AS x(account_id, asof)) w ON w.account_id = ${t}.${t === 'a' ? 'id' : 'account_id'}`,
    filter: (t, dayColumn, daysBack) => (dayColumn ? `AND ${t}.${dayColumn} BETWEEN w.asof - ${daysBack ?? 0} AND w.asof` : ''),
  };
}
