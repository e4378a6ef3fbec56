/** A workspace's auto-tiering rules (DOMAIN §3); every number is a default an admin can change. */
export type TieringPolicy = {
  s: {
    /** S takes accounts from the top by ARR until they cover this share of total ARR (0–1). */
    arrShare: number;
    /** Never more than this share of accounts in S (0–1). */
    maxAccountShare: number;
    /** Always at least this share of accounts in S (0–1). */
    minAccountShare: number;
  };
  c: {
    /** Accounts with ARR strictly below this percentile of the portfolio are C (0–1); null turns the rule off. */
    arrPercentile: number | null;
    /** Accounts with fewer employees than this are C; null turns the rule off. */
    minEmployees: number | null;
  };
  engagement: {
    /** Active users / licensed seats over 30 days (0–1) at or above which a mid account is A. */
    usageThreshold: number;
    /** Health (0–100) at or above which a mid account without usage data is A. */
    healthThreshold: number;
  };
};

export type TieringPolicyProblem = { field: string; problem: string };

/** DOMAIN §3: S is the top 10–20% of accounts carrying most revenue; C the small tail. */
export const DEFAULT_TIERING_POLICY: TieringPolicy = {
  s: { arrShare: 0.6, maxAccountShare: 0.2, minAccountShare: 0.1 },
  // 50 employees: below it a company needs operating methods more than custom service (DOMAIN §3).
  c: { arrPercentile: 0.4, minEmployees: 50 },
  // 40% of seats active in 30 days; 70 is where the green health band starts (DOMAIN §2).
  engagement: { usageThreshold: 0.4, healthThreshold: 70 },
};

/** Problems with a policy, each naming the field (`s.arrShare`) so a form can point at it. */
export function validateTieringPolicy(policy: TieringPolicy): TieringPolicyProblem[] {
  const problems: TieringPolicyProblem[] = [];
  const share = (field: string, value: number, { allowZero = true } = {}) => {
    if (!Number.isFinite(value) || value < 0 || value > 1) problems.push({ field, problem: 'must be a share between 0 and 1' });
    else if (!allowZero && value === 0) problems.push({ field, problem: 'must be more than 0' });
  };
  share('s.arrShare', policy.s.arrShare, { allowZero: false });
  share('s.maxAccountShare', policy.s.maxAccountShare, { allowZero: false });
  share('s.minAccountShare', policy.s.minAccountShare);
  if (policy.s.minAccountShare > policy.s.maxAccountShare) {
    problems.push({ field: 's.minAccountShare', problem: 'must not exceed s.maxAccountShare' });
  }
  if (policy.c.arrPercentile !== null) share('c.arrPercentile', policy.c.arrPercentile);
  const employees = policy.c.minEmployees;
  if (employees !== null && (!Number.isInteger(employees) || employees < 0)) {
    problems.push({ field: 'c.minEmployees', problem: 'must be a whole number of at least 0' });
  }
  share('engagement.usageThreshold', policy.engagement.usageThreshold);
  const health = policy.engagement.healthThreshold;
  if (!Number.isFinite(health) || health < 0 || health > 100) {
    problems.push({ field: 'engagement.healthThreshold', problem: 'must be a score between 0 and 100' });
  }
  return problems;
}
