import type { AccountMeasureFacts } from './calculate-measure-inputs';
import { experienceKey, northStarKey } from './calculate-measure-inputs';
import type { FactsScope } from './facts-scope';
import type { SessionQuery } from './health-session';
import { calculateExperienceValues, STALE_DAYS, SURVEY_ROUND_DAYS, type ExperienceObservation } from './calculate-experience-values';
import { loadDaysSinceKeyContact } from './key-contact-touches.repository';
import type { NorthStarSource } from './scorecard';

/** A mapped product feature: counted under these rollup keys (event name, or event␟property=value). */
export type FeatureKeys = { name: string; accountKeys: string[]; userKeys: string[] };

/**
 * What to gather beyond the fixed inputs: the scorecards' north-star sources and the workspace's
 * features; `experience`, inputs a rebuild read once for all its days, scored in memory as of `before`.
 */
export type FactsNeeds = {
  northStar: readonly NorthStarSource[];
  features: readonly FeatureKeys[];
  experience?: { observations: readonly ExperienceObservation[]; before: number };
};

// Rollup windows: 30 days for the usage measures, and the 30 before them for the trend.
const WINDOW = 29;
const TREND_WINDOW = 59;
// Activity may begin a few days into the base period (weekends, holidays) without the account
// being new: first activity within a week of the window's start counts as tracked throughout.
const TREND_BASE_GRACE = 7;
// One int per 30 features for the "which features were used" bitmask.
const BITS = 30;

/**
 * Gathers every input for the scope's accounts as of their date, a few set-based queries for the
 * whole batch (never per account), from data up to that date only, so history can be rebuilt.
 * Accounts absent from a query's result had nothing there: usage measures read that as zero use
 * only when the account had sent usage before (hasUsage).
 */
export async function collectMeasureFacts(
  session: <T>(fn: (query: SessionQuery) => Promise<T>) => Promise<T>,
  scope: FactsScope,
  accounts: readonly { id: string; licensedSeats: number | null; northStarTarget: number | null }[],
  needs: FactsNeeds,
): Promise<Map<string, AccountMeasureFacts>> {
  const countSources = needs.northStar.filter((s) => s.aggregate === 'count');
  const sumSources = needs.northStar.filter((s): s is Extract<NorthStarSource, { aggregate: 'sum' }> => s.aggregate === 'sum');
  // Separate sessions: on PostgreSQL the two large aggregates run on two connections (two cores) at once.
  const [usage, users, sums, small] = await Promise.all([
    session((query) => loadAccountUsage(query, scope, countSources, needs.features)),
    session((query) => loadActiveUsers(query, scope, needs.features)),
    session((query) => loadNorthStarSums(query, scope, sumSources)),
    session(async (query) => ({
      experience: needs.experience
        ? calculateExperienceValues(needs.experience.observations, needs.experience.before)
        : await loadExperience(query, scope),
      touches: await loadDaysSinceKeyContact(query, scope),
    })),
  ]);
  const { experience, touches } = small;
  // Accounts quiet for the whole 60 days: did they ever send usage (idle) or never (not instrumented)?
  // And accounts first seen well into the window: was the trend's base period tracked at all?
  const unsure = accounts.filter((a) => (usage.get(a.id)?.daysSinceFirst ?? 0) < TREND_WINDOW - TREND_BASE_GRACE).map((a) => a.id);
  const earlier = unsure.length > 0 ? await session((query) => findEarlierUsage(query, scope, unsure)) : new Set<string>();

  const countKeys = countSources.map(northStarKey);
  const sumTotals = sumSources.map((source) => [northStarKey(source), sums.get(northStarKey(source))] as const);
  const facts = new Map<string, AccountMeasureFacts>();
  for (const account of accounts) {
    const u = usage.get(account.id);
    const p = users.get(account.id);
    const northStar = new Map<string, number>();
    for (let i = 0; i < countKeys.length; i += 1) northStar.set(countKeys[i]!, u?.northStar[i] ?? 0);
    for (const [key, totals] of sumTotals) northStar.set(key, totals?.get(account.id) ?? 0);
    const hasEarlierUsage = earlier.has(account.id);
    facts.set(account.id, {
      licensedSeats: account.licensedSeats,
      hasUsage: u !== undefined || hasEarlierUsage,
      hasFullTrendBase: hasEarlierUsage || (u?.daysSinceFirst ?? 0) >= TREND_WINDOW - TREND_BASE_GRACE,
      activeUsers30d: p?.users ?? 0,
      userDays30d: u?.userDays30d ?? 0,
      userDaysPrevious30d: u?.userDaysPrevious30d ?? 0,
      featuresUsed30d: countFeaturesUsed(u?.features, p?.features),
      featureCount: needs.features.length,
      northStar,
      northStarTarget: account.northStarTarget,
      experience: experience.get(account.id) ?? NO_EXPERIENCE,
      daysSinceKeyContact: touches.get(account.id) ?? null,
    });
  }
  return facts;
}

// Shared by every account without experience inputs (most of them); never written to.
const NO_EXPERIENCE: ReadonlyMap<string, number> = new Map();

/**
 * Features used by either source: the union of two sets of feature masks (one int per mask column,
 * bit `offset` of column `c` standing for feature `c * BITS + offset`), counted.
 */
function countFeaturesUsed(a: readonly number[] | undefined, b: readonly number[] | undefined): number {
  let used = 0;
  const columns = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let c = 0; c < columns; c += 1) {
    let mask = ((a?.[c] ?? 0) | (b?.[c] ?? 0)) >>> 0;
    for (; mask !== 0; mask &= mask - 1) used += 1;
  }
  return used;
}

/**
 * A rollup's rows (alias d) of the scope's accounts within `daysBack` days up to their date,
 * reached through the accounts: the planner may then walk each account's slice of the rollup's
 * primary key (workspace, account, day) — what a long history needs, since usage_user_days has no
 * index by day — or hash-join a scan when the window is most of the table. For the whole workspace
 * on one date the join selects nothing the workspace and date do not, and hashing every rollup row
 * against 100k accounts cost a third of each aggregate: read the rollup alone.
 */
function fromAccountRollup(table: 'usage_account_days' | 'usage_user_days', scope: FactsScope, daysBack: number): string {
  if (scope.isWholeWorkspace)
    return `FROM ${table} d ${scope.join('d')} WHERE d.workspace_id = $1 AND d.day BETWEEN w.asof - ${daysBack} AND w.asof`;
  return `FROM accounts a JOIN ${table} d ON d.workspace_id = a.workspace_id AND d.account_id = a.id ${scope.join('d')}
     WHERE a.workspace_id = $1 AND d.day BETWEEN w.asof - ${daysBack} AND w.asof ${scope.filter('a')}`;
}

/**
 * `bit_or` masks of which features (by index) had a key present, BITS features per column;
 * `decode` reads a row's masks, one int per column, only the bits of mapped features.
 */
function featureMaskColumns(
  features: readonly FeatureKeys[],
  keysOf: (f: FeatureKeys) => string[],
  column: string,
  condition: string,
  params: unknown[],
) {
  const columns: string[] = [];
  const mapped: number[] = [];
  for (let start = 0; start < features.length; start += BITS) {
    const terms: string[] = [];
    let bits = 0;
    features.slice(start, start + BITS).forEach((feature, offset) => {
      const keys = keysOf(feature);
      if (keys.length === 0) return;
      params.push(keys);
      terms.push(`(${column} ?| $${params.length}::text[])::int << ${offset}`);
      bits |= 1 << offset;
    });
    if (terms.length === 0) continue;
    columns.push(`coalesce(bit_or(${terms.join(' | ')}) FILTER (WHERE ${condition}), 0) AS fb${columns.length}`);
    mapped.push(bits);
  }
  const names = columns.map((_, c) => `fb${c}`);
  return {
    columns,
    decode: (row: Record<string, unknown>): number[] => names.map((name, c) => Number(row[name] ?? 0) & mapped[c]!),
  };
}

/** Active user-days (30 days and the 30 before), north-star event counts and plain features, from usage_account_days. */
async function loadAccountUsage(
  query: SessionQuery,
  scope: FactsScope,
  countSources: readonly NorthStarSource[],
  features: readonly FeatureKeys[],
) {
  const params = [...scope.params];
  const recent = `d.day > w.asof - 30`;
  const northStar = countSources.map((source) => {
    params.push(source.event);
    return `coalesce(sum((d.event_counts ->> $${params.length}::text)::int) FILTER (WHERE ${recent}), 0)::float8 AS ns${params.length}`;
  });
  const nsColumns = northStar.map((column) => column.slice(column.lastIndexOf(' AS ') + 4));
  const masks = featureMaskColumns(features, (f) => f.accountKeys, 'd.event_counts', recent, params);
  const rows = await query(
    `SELECT d.account_id::text AS id, (min(w.asof) - min(d.day))::int AS since_first,
       coalesce(sum(d.active_users) FILTER (WHERE ${recent}), 0)::int AS recent,
       coalesce(sum(d.active_users) FILTER (WHERE NOT (${recent})), 0)::int AS previous
       ${[...northStar, ...masks.columns].map((c) => `, ${c}`).join('')}
     ${fromAccountRollup('usage_account_days', scope, TREND_WINDOW)}
     GROUP BY d.account_id`,
    params,
  );
  const byAccount = new Map<
    string,
    { daysSinceFirst: number; userDays30d: number; userDaysPrevious30d: number; northStar: number[]; features: number[] }
  >();
  for (const r of rows) {
    byAccount.set(String(r.id), {
      daysSinceFirst: Number(r.since_first),
      userDays30d: Number(r.recent),
      userDaysPrevious30d: Number(r.previous),
      northStar: nsColumns.map((c) => Number(r[c] ?? 0)),
      features: masks.decode(r),
    });
  }
  return byAccount;
}

/** Distinct active users over 30 days (two-stage GROUP BY: far cheaper than count(DISTINCT) on PGlite), and property-conditioned features. */
async function loadActiveUsers(query: SessionQuery, scope: FactsScope, features: readonly FeatureKeys[]) {
  const params = [...scope.params];
  const masks = featureMaskColumns(features, (f) => f.userKeys, 'd.event_counts', 'true', params);
  const inner = masks.columns.map((c) => `, ${c}`).join('');
  const outer = masks.columns.map((_, i) => `, bit_or(fb${i}) AS fb${i}`).join('');
  const rows = await query(
    `SELECT account_id::text AS id, count(*)::int AS users ${outer}
     FROM (SELECT d.account_id, d.user_id ${inner}
           ${fromAccountRollup('usage_user_days', scope, WINDOW)}
           GROUP BY d.account_id, d.user_id) u
     GROUP BY account_id`,
    params,
  );
  const byAccount = new Map<string, { users: number; features: number[] }>();
  for (const r of rows) byAccount.set(String(r.id), { users: Number(r.users), features: masks.decode(r) });
  return byAccount;
}

/** North-star sources that sum a property read the raw events (the rollups keep counts only). */
async function loadNorthStarSums(
  query: SessionQuery,
  scope: FactsScope,
  sources: readonly Extract<NorthStarSource, { aggregate: 'sum' }>[],
) {
  const result = new Map<string, Map<string, number>>();
  for (const source of sources) {
    const params = [...scope.params, source.event, source.property];
    const e = params.length - 1;
    const rows = await query<{ id: string; total: number }>(
      `SELECT e.account_id::text AS id,
         coalesce(sum(CASE WHEN jsonb_typeof(e.properties -> $${e + 1}::text) = 'number' THEN (e.properties ->> $${e + 1}::text)::float8 END), 0)::float8 AS total
       FROM usage_events e ${scope.join('e')}
       WHERE e.workspace_id = $1 AND e.type = 'track' AND e.event = $${e}::text AND e.account_id IS NOT NULL
         AND e."timestamp" >= ((w.asof - ${WINDOW})::timestamp AT TIME ZONE $2) AND e."timestamp" < ((w.asof + 1)::timestamp AT TIME ZONE $2)
         ${scope.filter('e')}
       GROUP BY e.account_id`,
      params,
    );
    result.set(northStarKey(source), new Map(rows.map((r) => [r.id, Number(r.total)])));
  }
  return result;
}

/**
 * Each kind's value as of the date, by the rule of calculateExperienceValues (the latest survey
 * round's mean, else the latest value; nothing older than a year). Hash aggregates only: sorting
 * every input per recompute was the slowest part on PGlite.
 */
async function loadExperience(query: SessionQuery, scope: FactsScope) {
  const rows = await query<{ id: string; kind: string; custom_key: string; value: number }>(
    `WITH x AS MATERIALIZED (
       SELECT i.account_id, i.kind, i.custom_key, i.value, i.observed_at, w.asof
       FROM health_experience_inputs i ${scope.join('i')}
       WHERE i.workspace_id = $1 AND i.observed_at < ((w.asof + 1)::timestamp AT TIME ZONE $2)
         AND i.observed_at >= ((w.asof - ${STALE_DAYS + SURVEY_ROUND_DAYS})::timestamp AT TIME ZONE $2) ${scope.filter('i')}
     ), latest AS (
       SELECT account_id, kind, custom_key, max(observed_at) AS at FROM x GROUP BY account_id, kind, custom_key
     )
     SELECT x.account_id::text AS id, x.kind, x.custom_key,
       (CASE WHEN x.kind IN ('nps', 'csat') THEN avg(x.value) FILTER (WHERE x.observed_at > l.at - interval '${SURVEY_ROUND_DAYS} days')
             ELSE max(x.value) FILTER (WHERE x.observed_at = l.at) END)::float8 AS value
     FROM x JOIN latest l ON l.account_id = x.account_id AND l.kind = x.kind AND l.custom_key = x.custom_key
     WHERE l.at >= ((x.asof - ${STALE_DAYS})::timestamp AT TIME ZONE $2)
     GROUP BY x.account_id, x.kind, x.custom_key`,
    scope.params,
  );
  const byAccount = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.value === null) continue;
    const values = byAccount.get(row.id) ?? new Map<string, number>();
    values.set(experienceKey(row.kind, row.custom_key), Number(row.value));
    byAccount.set(row.id, values);
  }
  return byAccount;
}

/** Of `ids`, those with usage before the 60-day window: instrumented before it (quiet, or tracked through the trend's base). */
async function findEarlierUsage(query: SessionQuery, scope: FactsScope, ids: readonly string[]): Promise<Set<string>> {
  const params = [...scope.params, ids];
  const rows = await query<{ id: string }>(
    `SELECT a.id::text AS id FROM accounts a ${scope.join('a')}
     WHERE a.workspace_id = $1 AND a.id = ANY($${params.length}::uuid[]) ${scope.filter('a')}
       AND EXISTS (SELECT 1 FROM usage_account_days d WHERE d.workspace_id = $1 AND d.account_id = a.id AND d.day < w.asof - ${TREND_WINDOW})`,
    params,
  );
  return new Set(rows.map((r) => r.id));
}

/** Every input observed in [from, until) (epoch ms), for a rebuild to score in memory; null when there are more than `limit`. */
export async function loadExperienceObservations(
  query: SessionQuery,
  workspaceId: string,
  range: { from: number; until: number },
  limit: number,
): Promise<ExperienceObservation[] | null> {
  const window = [workspaceId, new Date(range.from).toISOString(), new Date(range.until).toISOString()];
  const [count] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM health_experience_inputs WHERE workspace_id = $1 AND observed_at >= $2::timestamptz AND observed_at < $3::timestamptz`,
    window,
  );
  if (Number(count?.n ?? 0) > limit) return null;
  const rows = await query<{ account_id: string; kind: string; custom_key: string; value: number; at: number }>(
    `SELECT account_id::text AS account_id, kind, custom_key, value, (extract(epoch FROM observed_at) * 1000)::float8 AS at
     FROM health_experience_inputs WHERE workspace_id = $1 AND observed_at >= $2::timestamptz AND observed_at < $3::timestamptz`,
    window,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    kind: r.kind,
    customKey: r.custom_key,
    value: Number(r.value),
    observedAt: Number(r.at),
  }));
}
