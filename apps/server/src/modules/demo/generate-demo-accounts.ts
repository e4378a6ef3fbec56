import { addDays, addYears, daysBetween, nextAnniversary } from './demo-dates';
import type { DemoAccount, DemoPerson } from './demo-plan';
import { createCompanyNamer } from './create-company-namer';
import { inverseNormal, type Random } from './demo-random';
import { CHURN_REASONS, INDUSTRIES, type ChurnReason, type Industry, type Plan, type Region } from './demo-vocabulary';

// ARR is lognormal: median $12k, and sigma 1.7 puts ~80% of ARR in the top 20% of accounts
// (for a lognormal that share is Φ(σ − 0.8416), which is 0.80 at σ ≈ 1.68). The floor is a
// Starter plan's yearly price.
const ARR_MEDIAN = 12_000;
const ARR_SIGMA = 1.7;
const ARR_FLOOR = 2_400;
// Without a ceiling the single largest account swings the 80/20 share by several points per seed.
const ARR_CEILING = 3_000_000;

const REGION_WEIGHTS: readonly (readonly [Region, number])[] = [
  ['NA', 30],
  ['China', 25],
  ['EMEA', 22],
  ['APAC', 15],
  ['LATAM', 8],
];
const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = INDUSTRIES.map((industry) => [
  industry,
  { SaaS: 20, Retail: 14, Manufacturing: 14, Finance: 12, Healthcare: 10, Education: 10, Logistics: 12, Media: 8 }[industry],
]);
const CHURN_REASON_WEIGHTS: readonly (readonly [ChurnReason, number])[] = CHURN_REASONS.map((reason) => [
  reason,
  { business_decline: 25, competition: 20, key_person_change: 18, business_migration: 14, business_restructuring: 13, incident: 10 }[
    reason
  ],
]);
/** List price per seat per year, so seats follow ARR. */
const SEAT_PRICE: Record<Plan, number> = { Starter: 240, Growth: 360, Business: 480, Enterprise: 600 };
/** Small customers churn more often than large ones. */
const CHURN_WEIGHT: Record<DemoAccount['tier'], number> = { S: 0.3, A: 0.6, B: 1.6, C: 1.4 };
const OWNER_SENIORITY: Record<DemoAccount['tier'], readonly (readonly ['senior' | 'mid' | 'junior', number])[]> = {
  S: [
    ['senior', 90],
    ['mid', 10],
  ],
  A: [
    ['mid', 60],
    ['senior', 25],
    ['junior', 15],
  ],
  B: [
    ['mid', 50],
    ['junior', 40],
    ['senior', 10],
  ],
  C: [
    ['junior', 70],
    ['mid', 30],
  ],
};

/**
 * The portfolio: `count` accounts with an 80/20 ARR spread, plans, sizes and seats that follow
 * ARR, owners by seniority, lifecycle stages consistent with contract dates, and ~10% churned.
 */
export function generateDemoAccounts(
  input: { today: string; people: readonly DemoPerson[]; count: number },
  random: Random,
): DemoAccount[] {
  const { today, count } = input;
  const arrs = random.shuffle(stratifiedLognormal(count, random));
  const names = createCompanyNamer(random);
  const drafts = arrs.map((arr, index) => {
    const region = random.weighted(REGION_WEIGHTS);
    const industry = random.weighted(INDUSTRY_WEIGHTS);
    const isChinese = region === 'China';
    const { name, domain } = isChinese ? names.chinese(industry) : names.english(industry);
    const plan = planFor(arr * Math.exp(0.25 * random.normal()));
    const employees = clamp(Math.round((arr / 60) * Math.exp(0.45 * random.normal())), 8, 250_000);
    const licensedSeats = Math.min(employees, Math.max(3, Math.round(arr / SEAT_PRICE[plan])));
    return {
      key: `demo-${String(index + 1).padStart(4, '0')}`,
      name,
      domain,
      industry,
      region,
      plan,
      arr,
      employees,
      licensedSeats,
      isChinese,
    };
  });

  const tiers = assignTiers(
    drafts.map((d) => d.arr),
    random,
  );
  const churned = pickChurned(tiers, random);
  const ownersBySeniority = {
    senior: input.people.filter((p) => p.seniority === 'senior'),
    mid: input.people.filter((p) => p.seniority === 'mid'),
    junior: input.people.filter((p) => p.seniority === 'junior'),
  };

  return drafts.map((draft, index): DemoAccount => {
    const tier = tiers[index]!;
    const owner = random.pick(ownersBySeniority[random.weighted(OWNER_SENIORITY[tier])]);
    const base = {
      key: draft.key,
      name: draft.name,
      domain: draft.domain,
      industry: draft.industry,
      employees: draft.employees,
      region: draft.region,
      plan: draft.plan,
      arr: draft.arr,
      currency: 'USD' as const,
      licensedSeats: draft.licensedSeats,
      ownerKey: owner.key,
      tier,
    };
    if (churned.has(index)) {
      const churnDate = addDays(today, -random.int(1, 364));
      const churnReason = random.weighted(CHURN_REASON_WEIGHTS);
      // Most customers leave at a renewal, having given notice a few weeks before it.
      const contractStart = addYears(addDays(churnDate, random.int(0, 45)), -random.int(1, 3));
      return {
        ...base,
        contractStart,
        renewalDate: null,
        lifecycleStage: 'churned',
        status: 'churned',
        churnDate,
        churnReason,
        tags: [],
        traits: {
          isChinese: draft.isChinese,
          hasChampion: random.chance(0.35),
          keyPersonLeft: churnReason === 'key_person_change' || random.chance(0.15),
        },
      };
    }
    const tenureDays = random.chance(0.15) ? random.int(0, 364) : random.int(365, 1460);
    const contractStart = addDays(today, -tenureDays);
    const renewalDate = nextAnniversary(contractStart, today);
    const hasChampion = random.chance({ S: 0.9, A: 0.85, B: 0.6, C: 0.7 }[tier]);
    const keyPersonLeft = random.chance(0.07);
    return {
      ...base,
      contractStart,
      renewalDate,
      lifecycleStage: stageFor(tenureDays, daysBetween(today, renewalDate)),
      status: 'active',
      churnDate: null,
      churnReason: null,
      tags: tagsFor({ tier, tenureDays, hasChampion, keyPersonLeft }, random),
      traits: { isChinese: draft.isChinese, hasChampion, keyPersonLeft },
    };
  });
}

/** ARR at evenly spaced lognormal quantiles (jittered within the middle of each stratum), rounded to $100. */
function stratifiedLognormal(count: number, random: Random): number[] {
  return Array.from({ length: count }, (_, i) => {
    const p = (i + 0.25 + random.next() * 0.5) / count;
    const arr = ARR_MEDIAN * Math.exp(ARR_SIGMA * inverseNormal(p));
    return clamp(Math.round(arr / 100) * 100, ARR_FLOOR, ARR_CEILING);
  });
}

function planFor(arrWithNoise: number): Plan {
  if (arrWithNoise < 6_000) return 'Starter';
  if (arrWithNoise < 30_000) return 'Growth';
  if (arrWithNoise < 120_000) return 'Business';
  return 'Enterprise';
}

/**
 * DOMAIN §3 by ARR rank: the top 15% are S, the next 35% A (engaged) or B (not), the rest C.
 */
function assignTiers(arrs: readonly number[], random: Random): DemoAccount['tier'][] {
  const order = arrs.map((arr, index) => ({ arr, index })).sort((a, b) => b.arr - a.arr || a.index - b.index);
  const tiers: DemoAccount['tier'][] = new Array(arrs.length);
  order.forEach(({ index }, rank) => {
    const position = rank / arrs.length;
    tiers[index] = position < 0.15 ? 'S' : position < 0.5 ? (random.chance(0.6) ? 'A' : 'B') : 'C';
  });
  return tiers;
}

/** 9–11% of accounts, drawn without replacement, small ones more likely. */
function pickChurned(tiers: readonly DemoAccount['tier'][], random: Random): Set<number> {
  const target = Math.round(tiers.length * (0.09 + 0.02 * random.next()));
  const pool = tiers.map((tier, index) => [index, CHURN_WEIGHT[tier]] as const);
  const chosen = new Set<number>();
  while (chosen.size < target && pool.length > 0) {
    const index = random.weighted(pool);
    chosen.add(index);
    pool.splice(
      pool.findIndex(([i]) => i === index),
      1,
    );
  }
  return chosen;
}

/**
 * DOMAIN §4 from the dates: a new contract is in handoff, then onboarding, then rollout; a
 * renewal within 90 days puts the account in the renewal stage; just past its anniversary it
 * is renewed; otherwise it is in stable use.
 */
function stageFor(tenureDays: number, daysToRenewal: number): DemoAccount['lifecycleStage'] {
  if (tenureDays < 14) return 'handoff';
  if (tenureDays < 90) return 'onboarding';
  if (daysToRenewal <= 90) return 'renewal';
  if (tenureDays < 270) return 'rollout';
  if (tenureDays >= 365 && daysToRenewal >= 335) return 'renewed';
  return 'stable';
}

function tagsFor(
  account: { tier: DemoAccount['tier']; tenureDays: number; hasChampion: boolean; keyPersonLeft: boolean },
  random: Random,
): string[] {
  const tags: string[] = [];
  const { tier } = account;
  if (random.chance({ S: 0.7, A: 0.1, B: 0, C: 0 }[tier])) tags.push('strategic');
  if ((tier === 'S' || tier === 'A') && account.hasChampion && account.tenureDays >= 730 && random.chance(0.35)) tags.push('reference');
  // Risk follows the people: no champion, or a key person gone, is what makes CSMs worry.
  const atRisk = random.chance(!account.hasChampion || account.keyPersonLeft ? 0.4 : 0.05);
  if (!atRisk && random.chance({ S: 0.25, A: 0.2, B: 0.08, C: 0.12 }[tier])) tags.push('expansion-candidate');
  if (atRisk) tags.push('at-risk');
  return tags;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
