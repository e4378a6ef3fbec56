import type { LifecycleStage, Tier } from '@northstar/contracts';
import type { OutcomeFacts } from './calculate-backtest-outcomes';
import type { FactsScope } from './facts-scope';
import type { SessionQuery } from './health-session';
import type { FeatureKeys } from './measure-facts.repository';

/** What scoring needs of an account besides its inputs: seats, and what selects its scorecard. */
export type ScorableAccount = {
  id: string;
  name: string;
  licensedSeats: number | null;
  tier: Tier | null;
  stage: LifecycleStage | null;
  /** The north-star target per 30 days, read with the account: one 100k-row result fewer per recompute. */
  northStarTarget: number | null;
};

type AccountRow = {
  id: string;
  name: string;
  licensed_seats: number | null;
  tier: Tier | null;
  lifecycle_stage: LifecycleStage | null;
  target: number | null;
};
const toScorable = (r: AccountRow): ScorableAccount => ({
  id: r.id,
  name: r.name,
  licensedSeats: r.licensed_seats === null ? null : Number(r.licensed_seats),
  tier: r.tier,
  stage: r.lifecycle_stage,
  northStarTarget: r.target === null ? null : Number(r.target),
});

/**
 * The accounts that were customers on their as-of date: live (not deleted), contract started,
 * not yet churned. A churned account without a churn date cannot be placed in time and is left out.
 */
export async function loadScorableAccounts(query: SessionQuery, scope: FactsScope): Promise<ScorableAccount[]> {
  const rows = await query<AccountRow>(
    `SELECT a.id::text AS id, a.name, a.licensed_seats, a.tier, a.lifecycle_stage, t.target::float8 AS target FROM accounts a ${scope.join('a')}
     LEFT JOIN health_north_star_targets t ON t.workspace_id = a.workspace_id AND t.account_id = a.id
     WHERE a.workspace_id = $1 AND a.deleted_at IS NULL ${scope.filter('a')}
       AND (a.contract_start IS NULL OR a.contract_start <= w.asof)
       AND (a.churn_date IS NULL OR a.churn_date > w.asof) AND NOT (a.status = 'churned' AND a.churn_date IS NULL)`,
    scope.params,
  );
  return rows.map(toScorable);
}

/** Live accounts by id, whatever their status (the backtest scores churned ones too). */
export async function loadAccountsById(query: SessionQuery, workspaceId: string, ids: readonly string[]): Promise<ScorableAccount[]> {
  const rows = await query<AccountRow>(
    `SELECT a.id::text AS id, a.name, a.licensed_seats, a.tier, a.lifecycle_stage, t.target::float8 AS target FROM accounts a
     LEFT JOIN health_north_star_targets t ON t.workspace_id = a.workspace_id AND t.account_id = a.id
     WHERE a.workspace_id = $1 AND a.deleted_at IS NULL AND a.id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return rows.map(toScorable);
}

/** Every live account's outcome facts, for the backtest. */
export async function loadOutcomeFacts(query: SessionQuery, workspaceId: string): Promise<OutcomeFacts[]> {
  const rows = await query<{
    id: string;
    status: 'active' | 'churned';
    churn_date: string | null;
    contract_start: string | null;
    renewal_date: string | null;
  }>(
    `SELECT id::text AS id, status, churn_date::text AS churn_date, contract_start::text AS contract_start, renewal_date::text AS renewal_date
     FROM accounts WHERE workspace_id = $1 AND deleted_at IS NULL`,
    [workspaceId],
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    churnDate: r.churn_date,
    contractStart: r.contract_start,
    renewalDate: r.renewal_date,
  }));
}

/** Saved-segment membership per account (as of the segments' last refresh), for scorecard rules on segments. */
export async function loadSegmentMemberships(query: SessionQuery, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await query<{ account_id: string; segment_id: string }>(
    `SELECT account_id::text AS account_id, segment_id::text AS segment_id FROM segment_memberships WHERE workspace_id = $1`,
    [workspaceId],
  );
  const byAccount = new Map<string, string[]>();
  for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r.segment_id]);
  return byAccount;
}

/** The workspace's feature mappings grouped by feature name, as rollup keys. */
export async function loadFeatureKeys(query: SessionQuery, workspaceId: string): Promise<FeatureKeys[]> {
  const rows = await query<{ name: string; event_name: string; property_name: string | null; property_value: string | null }>(
    `SELECT name, event_name, property_name, property_value FROM product_features WHERE workspace_id = $1 ORDER BY name`,
    [workspaceId],
  );
  const byName = new Map<string, FeatureKeys>();
  for (const r of rows) {
    const feature = byName.get(r.name) ?? { name: r.name, accountKeys: [], userKeys: [] };
    // The rollup counts a property-conditioned mapping per user under "event␟property=value".
    if (r.property_name === null) feature.accountKeys.push(r.event_name);
    else feature.userKeys.push(`${r.event_name}\u001f${r.property_name}=${r.property_value ?? ''}`);
    byName.set(r.name, feature);
  }
  return [...byName.values()];
}
