import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculatePercentile, calculateTiers, type TieringAccount } from './calculate-tiers';
import { DEFAULT_TIERING_POLICY, type TieringPolicy } from './tiering-policy';

const today = '2026-03-01';

function account(id: string, arr: number, extra: Partial<TieringAccount> = {}): TieringAccount {
  return { id, arr, employees: 500, engagement: 0.8, health: null, status: 'active', ...extra };
}

// Ten accounts: a-01 alone holds 50% of ARR, a-02 brings S past 60%.
const portfolio = [
  account('a-01', 500),
  account('a-02', 150),
  account('a-03', 100),
  account('a-04', 80, { engagement: 0.1 }),
  account('a-05', 60, { engagement: null, health: 82 }),
  account('a-06', 40, { engagement: null, health: 30 }),
  account('a-07', 30, { engagement: null, health: null }),
  account('a-08', 20, { employees: 10 }),
  account('a-09', 12),
  account('a-10', 8),
];

const tierOf = (assignments: ReturnType<typeof calculateTiers>) => Object.fromEntries(assignments.map((a) => [a.accountId, a.tier]));

describe('calculateTiers', () => {
  it('puts the top accounts in S until they cover the configured ARR share', () => {
    const result = calculateTiers(portfolio, DEFAULT_TIERING_POLICY, today);
    const s = result.filter((a) => a.tier === 'S');
    assert.deepEqual(
      s.map((a) => a.accountId),
      ['a-01', 'a-02'],
    );
    assert.equal(s[1]!.reason.sArrShare, 0.65);
    assert.equal(s[1]!.text.en, 'top 20% by ARR; S covers 65% of ARR');
    assert.equal(s[1]!.text['zh-CN'], 'ARR 排名前 20%；S 层覆盖 65% 的 ARR');
  });

  it('splits the middle by usage, falls back to health, and counts no data as low engagement', () => {
    const noC = { ...DEFAULT_TIERING_POLICY, c: { arrPercentile: null, minEmployees: null } };
    const tiers = tierOf(calculateTiers(portfolio, noC, today));
    assert.deepEqual([tiers['a-03'], tiers['a-04'], tiers['a-05'], tiers['a-06'], tiers['a-07']], ['A', 'B', 'A', 'B', 'B']);
    const a05 = calculateTiers(portfolio, DEFAULT_TIERING_POLICY, today).find((a) => a.accountId === 'a-05')!;
    assert.equal(a05.text.en, 'top 50% by ARR; no usage data; health 82 (A from 70)');
  });

  it('puts small ARR (below the 40th percentile) and small companies in C', () => {
    const result = calculateTiers(portfolio, DEFAULT_TIERING_POLICY, today);
    const c = result.filter((a) => a.tier === 'C');
    // The 40th percentile of the ten ARRs interpolates to 34.
    assert.deepEqual(
      c.map((a) => [a.accountId, a.reason.rule]),
      [
        ['a-07', 'c_arr_percentile'],
        ['a-08', 'c_arr_percentile'],
        ['a-09', 'c_arr_percentile'],
        ['a-10', 'c_arr_percentile'],
      ],
    );
    const byEmployees = calculateTiers(portfolio, { ...DEFAULT_TIERING_POLICY, c: { arrPercentile: null, minEmployees: 50 } }, today);
    assert.deepEqual(
      byEmployees.filter((a) => a.tier === 'C').map((a) => a.text.en),
      ['top 80% by ARR; 10 employees, fewer than 50'],
    );
  });

  it('caps S at the maximum share of accounts and says so', () => {
    const policy: TieringPolicy = { ...DEFAULT_TIERING_POLICY, s: { arrShare: 0.95, maxAccountShare: 0.2, minAccountShare: 0.1 } };
    const s = calculateTiers(portfolio, policy, today).filter((a) => a.tier === 'S');
    assert.equal(s.length, 2);
    assert.equal(s[0]!.text.en, 'top 10% by ARR; S capped at 20% of accounts; S covers 65% of ARR');
  });

  it('lets a pin win until its expiry date, keeping the calculated tier alongside', () => {
    const pinned = portfolio.map((a) =>
      a.id === 'a-10' ? { ...a, pin: { tier: 'S' as const, reason: 'strategic logo', expiresAt: '2026-03-02' } } : a,
    );
    const holding = calculateTiers(pinned, DEFAULT_TIERING_POLICY, today).find((a) => a.accountId === 'a-10')!;
    assert.equal(holding.tier, 'S');
    assert.equal(holding.calculatedTier, 'C');
    assert.equal(holding.text.en, 'pinned: strategic logo (until 2026-03-02)');
    assert.equal(holding.text['zh-CN'], '手动锁定：strategic logo（至 2026-03-02）');
    const expired = calculateTiers(pinned, DEFAULT_TIERING_POLICY, '2026-03-02').find((a) => a.accountId === 'a-10')!;
    assert.equal(expired.tier, 'C');
  });

  it('does not let a pin move anyone else', () => {
    const pinned = portfolio.map((a) => (a.id === 'a-01' ? { ...a, pin: { tier: 'C' as const, reason: 'test' } } : a));
    const before = tierOf(calculateTiers(portfolio, DEFAULT_TIERING_POLICY, today));
    const after = tierOf(calculateTiers(pinned, DEFAULT_TIERING_POLICY, today));
    assert.deepEqual({ ...after, 'a-01': 'S' }, before);
  });

  it('leaves churned accounts out of the tiers and the ARR total', () => {
    const withChurned = [...portfolio, account('z-churned', 10_000, { status: 'churned' })];
    const result = calculateTiers(withChurned, DEFAULT_TIERING_POLICY, today);
    assert.equal(result.length, 10);
    assert.deepEqual(tierOf(result), tierOf(calculateTiers(portfolio, DEFAULT_TIERING_POLICY, today)));
  });

  it('breaks ARR ties by id, whatever the input order', () => {
    const tied = Array.from({ length: 10 }, (_, i) => account(`t-${i}`, 100));
    const forward = calculateTiers(tied, DEFAULT_TIERING_POLICY, today);
    const backward = calculateTiers([...tied].reverse(), DEFAULT_TIERING_POLICY, today);
    assert.deepEqual(forward, backward);
    assert.equal(forward.find((a) => a.tier === 'S')!.accountId, 't-0');
  });

  it('never puts an account without ARR in S', () => {
    const zero = Array.from({ length: 10 }, (_, i) => account(`z-${i}`, 0));
    assert.equal(calculateTiers(zero, DEFAULT_TIERING_POLICY, today).filter((a) => a.tier === 'S').length, 0);
  });

  it('returns nothing for an empty portfolio', () => {
    assert.deepEqual(calculateTiers([], DEFAULT_TIERING_POLICY, today), []);
  });
});

describe('calculateTiers on a Pareto-distributed portfolio (DOMAIN §3)', () => {
  // ARR = scale / U^(1/α) with α ≈ 1.16 gives the classic 80/20 split.
  const paretoPortfolio = fc
    .array(fc.tuple(fc.double({ min: 0.001, max: 1, noNaN: true }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }))), {
      minLength: 10,
      maxLength: 300,
    })
    .map((rows) =>
      rows.map(([u, engagement], i): TieringAccount => ({
        id: `acc-${String(i).padStart(4, '0')}`,
        arr: Math.round(1000 / u ** (1 / 1.16)),
        employees: 20 + i,
        engagement,
        health: null,
        status: 'active',
      })),
    );

  it('keeps S between 10% and 20% of accounts, covering the share unless capped, one tier each', () => {
    fc.assert(
      fc.property(paretoPortfolio, (accounts) => {
        const result = calculateTiers(accounts, DEFAULT_TIERING_POLICY, today);
        assert.equal(result.length, accounts.length);
        assert.equal(new Set(result.map((a) => a.accountId)).size, accounts.length);
        const s = result.filter((a) => a.tier === 'S');
        const share = s.length / accounts.length;
        assert.ok(share >= 0.1 - 1e-9 && share <= 0.2 + 1e-9, `S holds ${share} of accounts`);
        const total = accounts.reduce((sum, a) => sum + a.arr, 0);
        const covered = s.reduce((sum, a) => sum + accounts.find((x) => x.id === a.accountId)!.arr, 0) / total;
        const capped = s[0]!.reason.rule === 's_arr_share' && s[0]!.reason.limit === 'max_accounts';
        if (!capped) assert.ok(covered >= 0.6 - 1e-9, `S covers ${covered} without being capped`);
        // S is a prefix of the ARR ranking: nobody outside S has more ARR than someone inside.
        const smallestS = Math.min(...s.map((a) => accounts.find((x) => x.id === a.accountId)!.arr));
        for (const other of result.filter((a) => a.tier !== 'S')) {
          assert.ok(accounts.find((x) => x.id === other.accountId)!.arr <= smallestS);
        }
      }),
    );
  });
});

describe('calculatePercentile', () => {
  it('interpolates like percentile_cont', () => {
    assert.equal(calculatePercentile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(calculatePercentile([10], 0.4), 10);
    assert.equal(calculatePercentile([], 0.4), null);
  });
});
