import {
  COVERAGE_STAGES,
  type Coverage,
  type CoveragePattern,
  type CoveragePortfolio,
  type LifecycleStage,
  type Tier,
} from '@northstar/contracts';

type WorkingStage = (typeof COVERAGE_STAGES)[number];

/**
 * When a portfolio's effort (touches + tasks done) per account-month, by lifecycle phase, is
 * lopsided (DOMAIN §4). Effort is normalised by the days accounts actually spent in each stage,
 * so a CSM whose book is mostly in stable use is not called top-heavy just for having few
 * onboarding accounts.
 */
export const COVERAGE_THRESHOLDS = {
  /**
   * The middle (rollout + stable) is hollow below a fifth of the early (handoff + onboarding)
   * rate. A healthy SOP goes from weekly onboarding calls (~4 a month) to at least monthly
   * value touches afterwards (~1 a month, a quarter of it); under a fifth means customers go
   * months without hearing from anyone — where they "barely used it" and churn unnoticed.
   */
  hollowMiddleRatio: 0.2,
  /**
   * With a hollow middle, renewal at half the early rate or more is a second peak: the dumbbell
   * (哑铃型). Below it, effort simply fades after onboarding: top-heavy (头重脚轻).
   */
  heavyRenewalRatio: 0.5,
  /** Account-days needed in a phase to compare its rate: about six account-months. */
  minPhaseAccountDays: 180,
  /** Touches and tasks needed before a portfolio is classified at all. */
  minEffort: 10,
} as const;

export type CoverageThresholds = { -readonly [K in keyof typeof COVERAGE_THRESHOLDS]: number };

const EARLY: readonly WorkingStage[] = ['handoff', 'onboarding'];
const MIDDLE: readonly WorkingStage[] = ['rollout', 'stable'];
const LATE: readonly WorkingStage[] = ['renewal'];
const DAY_MS = 86_400_000;

const isWorking = (stage: string): stage is WorkingStage => (COVERAGE_STAGES as readonly string[]).includes(stage);

export type CoverageAccount = {
  id: string;
  name: string;
  ownerId: string | null;
  tier: Tier | null;
  stage: LifecycleStage | null;
  arr: number;
  status: 'active' | 'churned';
};
export type StageStay = { accountId: string; stage: LifecycleStage; enteredAt: Date; leftAt: Date | null };
export type StageEffort = { accountId: string; stage: LifecycleStage | null; count: number };

type StageTotals = Record<WorkingStage, { touches: number; tasks: number; days: number }>;

const emptyTotals = (): StageTotals => ({
  handoff: { touches: 0, tasks: 0, days: 0 },
  onboarding: { touches: 0, tasks: 0, days: 0 },
  rollout: { touches: 0, tasks: 0, days: 0 },
  stable: { touches: 0, tasks: 0, days: 0 },
  renewal: { touches: 0, tasks: 0, days: 0 },
});

/** Days each account spent in each working stage within [start, end); an open stay runs to `now`. */
export function calculateAccountDays(
  stays: readonly StageStay[],
  start: Date,
  end: Date,
  now: Date,
): Map<string, Partial<Record<WorkingStage, number>>> {
  const out = new Map<string, Partial<Record<WorkingStage, number>>>();
  for (const stay of stays) {
    if (!isWorking(stay.stage)) continue;
    const from = Math.max(stay.enteredAt.getTime(), start.getTime());
    const to = Math.min((stay.leftAt ?? now).getTime(), end.getTime(), now.getTime());
    if (to <= from) continue;
    const days = out.get(stay.accountId) ?? {};
    days[stay.stage] = (days[stay.stage] ?? 0) + (to - from) / DAY_MS;
    out.set(stay.accountId, days);
  }
  return out;
}

// Under one account-day in a stage (an account that entered it minutes ago), effort per 30 days
// is noise that dwarfs every real rate: no rate is given.
const MIN_ACCOUNT_DAYS = 1;
const rate = (effort: number, days: number) => (days >= MIN_ACCOUNT_DAYS ? Math.round((effort / days) * 30 * 100) / 100 : null);

function phase(totals: StageTotals, stages: readonly WorkingStage[]) {
  const effort = stages.reduce((sum, s) => sum + totals[s].touches + totals[s].tasks, 0);
  const days = stages.reduce((sum, s) => sum + totals[s].days, 0);
  return { effort, days, rate: rate(effort, days) };
}

/** a ≥ b, forgiving the last bits of floating point (0.2 × 0.1 is not 0.02 in binary). */
const atLeast = (a: number, b: number) => a >= b - 1e-9 * Math.max(1, Math.abs(b));

/** Balanced, top-heavy or dumbbell from effort rates per phase; see COVERAGE_THRESHOLDS for why. */
export function classifyCoverage(
  phases: { early: { effort: number; days: number }; middle: { effort: number; days: number }; late: { effort: number; days: number } },
  thresholds: CoverageThresholds = COVERAGE_THRESHOLDS,
): CoveragePattern {
  const { early, middle, late } = phases;
  const effort = early.effort + middle.effort + late.effort;
  if (effort < thresholds.minEffort || early.days < thresholds.minPhaseAccountDays || middle.days < thresholds.minPhaseAccountDays) {
    return 'insufficient_data';
  }
  const earlyRate = early.effort / early.days;
  const middleRate = middle.effort / middle.days;
  if (atLeast(middleRate, thresholds.hollowMiddleRatio * earlyRate)) return 'balanced';
  // A hollow middle. Without enough renewal exposure no second peak is seen, so effort fades: top-heavy.
  if (late.days < thresholds.minPhaseAccountDays) return 'top_heavy';
  const lateRate = late.effort / late.days;
  return atLeast(lateRate, thresholds.heavyRenewalRatio * earlyRate) ? 'dumbbell' : 'top_heavy';
}

function toPortfolio(key: string, name: string, accounts: number, totals: StageTotals, thresholds: CoverageThresholds): CoveragePortfolio {
  const early = phase(totals, EARLY);
  const middle = phase(totals, MIDDLE);
  const late = phase(totals, LATE);
  return {
    key,
    name,
    accounts,
    stages: COVERAGE_STAGES.map((stage) => ({
      stage,
      touches: totals[stage].touches,
      tasks: totals[stage].tasks,
      accountDays: Math.round(totals[stage].days),
      intensity: rate(totals[stage].touches + totals[stage].tasks, totals[stage].days),
    })),
    phases: { early: early.rate, middle: middle.rate, late: late.rate },
    pattern: classifyCoverage({ early, middle, late }, thresholds),
  };
}

const STALE_LIST_LIMIT = 200;
const STALE_STAGES: readonly LifecycleStage[] = ['rollout', 'stable'];

/**
 * Coverage per CSM (the account's owner), per tier and for the team, and the rollout or stable
 * accounts nobody has touched in `staleDays`. Touches count in the stage they were logged in;
 * tasks in the stage the account was in when they were created.
 */
export function calculateCoverage(input: {
  accounts: readonly CoverageAccount[];
  stays: readonly StageStay[];
  touches: readonly StageEffort[];
  tasks: readonly StageEffort[];
  lastTouches: ReadonlyMap<string, Date>;
  people: ReadonlyMap<string, string>;
  period: { from: string; to: string; start: Date; end: Date };
  now: Date;
  staleDays: number;
  thresholds?: CoverageThresholds;
}): Coverage {
  const thresholds = input.thresholds ?? { ...COVERAGE_THRESHOLDS };
  const accountById = new Map(input.accounts.map((a) => [a.id, a]));
  const days = calculateAccountDays(input.stays, input.period.start, input.period.end, input.now);

  const groups = new Map<string, { name: string; accounts: Set<string>; totals: StageTotals }>();
  const groupKeys = (account: CoverageAccount) => [
    'team',
    ...(account.ownerId ? [`csm:${account.ownerId}`] : []),
    ...(account.tier ? [`tier:${account.tier}`] : []),
  ];
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      const name =
        key === 'team' ? 'Team' : key.startsWith('csm:') ? (input.people.get(key.slice(4)) ?? 'Former member') : `Tier ${key.slice(5)}`;
      g = { name, accounts: new Set(), totals: emptyTotals() };
      groups.set(key, g);
    }
    return g;
  };
  for (const [accountId, stageDays] of days) {
    const account = accountById.get(accountId);
    if (!account) continue;
    for (const key of groupKeys(account)) {
      const g = group(key);
      g.accounts.add(accountId);
      for (const [stage, d] of Object.entries(stageDays) as [WorkingStage, number][]) g.totals[stage].days += d;
    }
  }
  const addEffort = (rows: readonly StageEffort[], field: 'touches' | 'tasks') => {
    for (const row of rows) {
      const account = accountById.get(row.accountId);
      if (!account || !row.stage || !isWorking(row.stage)) continue;
      for (const key of groupKeys(account)) group(key).totals[row.stage][field] += row.count;
    }
  };
  addEffort(input.touches, 'touches');
  addEffort(input.tasks, 'tasks');

  const portfolio = (key: string) => {
    const g = group(key);
    return toPortfolio(
      key.startsWith('csm:') ? key.slice(4) : key.startsWith('tier:') ? key.slice(5) : key,
      g.name,
      g.accounts.size,
      g.totals,
      thresholds,
    );
  };
  const csms = [...groups.keys()]
    .filter((k) => k.startsWith('csm:'))
    .map(portfolio)
    .sort((a, b) => a.name.localeCompare(b.name));
  const tiers = (['S', 'A', 'B', 'C'] as const).filter((t) => groups.has(`tier:${t}`)).map((t) => portfolio(`tier:${t}`));

  const nowDay = Date.parse(`${input.now.toISOString().slice(0, 10)}T00:00:00Z`);
  const stale = input.accounts
    .filter((a) => a.status === 'active' && a.stage && STALE_STAGES.includes(a.stage))
    .map((a) => {
      const last = input.lastTouches.get(a.id) ?? null;
      const daysSince = last ? Math.floor((nowDay - Date.parse(`${last.toISOString().slice(0, 10)}T00:00:00Z`)) / DAY_MS) : null;
      return { a, last, daysSince };
    })
    .filter((x) => x.daysSince === null || x.daysSince >= input.staleDays)
    // Never touched first, then the longest silence, then the biggest account.
    .sort((x, y) => (y.daysSince ?? Infinity) - (x.daysSince ?? Infinity) || y.a.arr - x.a.arr || x.a.name.localeCompare(y.a.name));

  return {
    from: input.period.from,
    to: input.period.to,
    staleDays: input.staleDays,
    thresholds,
    team: portfolio('team'),
    csms,
    tiers,
    staleAccounts: stale.slice(0, STALE_LIST_LIMIT).map(({ a, last, daysSince }) => ({
      accountId: a.id,
      name: a.name,
      ownerId: a.ownerId,
      ownerName: a.ownerId ? (input.people.get(a.ownerId) ?? null) : null,
      tier: a.tier,
      stage: a.stage!,
      arr: a.arr,
      lastTouchAt: last?.toISOString() ?? null,
      daysSinceTouch: daysSince,
    })),
    staleAccountCount: stale.length,
  };
}
