import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateTopShare } from './calculate-top-share';
import { addYears } from './demo-dates';
import { CHURN_REASONS } from './demo-vocabulary';
import { generateDemoPlan } from './generate-demo-plan';

const today = '2026-05-01';
const plan = generateDemoPlan({ seed: 7, today });
const active = plan.accounts.filter((a) => a.status === 'active');
const churned = plan.accounts.filter((a) => a.status === 'churned');

describe('generateDemoPlan', () => {
  it('gives the same data for the same seed and date', () => {
    assert.deepEqual(generateDemoPlan({ seed: 7, today }), plan);
  });

  it('gives different data for another seed', () => {
    const other = generateDemoPlan({ seed: 8, today });
    assert.notDeepEqual(
      other.accounts.map((a) => a.name),
      plan.accounts.map((a) => a.name),
    );
  });

  it('builds 500 accounts with unique names, domains and external ids', () => {
    assert.equal(plan.accounts.length, 500);
    for (const field of ['key', 'name', 'domain'] as const) {
      assert.equal(new Set(plan.accounts.map((a) => a[field])).size, 500, `${field} repeats`);
    }
  });

  it('puts 75–85% of ARR in the top 20% of accounts, for every seed tried', () => {
    for (const seed of [1, 2, 3, 7, 42, 1234]) {
      const { accounts } = seed === 7 ? plan : generateDemoPlan({ seed, today });
      const share = calculateTopShare(
        accounts.map((a) => a.arr),
        0.2,
      );
      assert.ok(share >= 0.75 && share <= 0.85, `seed ${seed}: top 20% hold ${share}`);
    }
  });

  it('makes plan, size and seats grow with ARR', () => {
    const medianArr = (plan: string) => {
      const arrs = active
        .filter((a) => a.plan === plan)
        .map((a) => a.arr)
        .sort((x, y) => x - y);
      return arrs[Math.floor(arrs.length / 2)]!;
    };
    assert.ok(medianArr('Starter') < medianArr('Growth'));
    assert.ok(medianArr('Growth') < medianArr('Business'));
    assert.ok(medianArr('Business') < medianArr('Enterprise'));
    const byArr = [...plan.accounts].sort((a, b) => a.arr - b.arr);
    const smallest = byArr.slice(0, 100);
    const largest = byArr.slice(-100);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(mean(largest.map((a) => a.employees)) > 10 * mean(smallest.map((a) => a.employees)));
    assert.ok(mean(largest.map((a) => a.licensedSeats)) > 10 * mean(smallest.map((a) => a.licensedSeats)));
  });

  it('gives the S tier the largest accounts and mostly to senior CSMs', () => {
    const minS = Math.min(...plan.accounts.filter((a) => a.tier === 'S').map((a) => a.arr));
    const maxC = Math.max(...plan.accounts.filter((a) => a.tier === 'C').map((a) => a.arr));
    assert.ok(minS >= maxC);
    const seniors = new Set(plan.people.filter((p) => p.seniority === 'senior').map((p) => p.key));
    const sAccounts = plan.accounts.filter((a) => a.tier === 'S');
    assert.ok(sAccounts.filter((a) => seniors.has(a.ownerKey)).length / sAccounts.length > 0.8);
  });

  it('spreads the accounts over all six CSMs and no one else', () => {
    const csms = plan.people.filter((p) => p.role === 'csm').map((p) => p.key);
    assert.equal(csms.length, 6);
    assert.deepEqual([...new Set(plan.accounts.map((a) => a.ownerKey))].sort(), csms.sort());
  });

  it('mixes industries, regions and Chinese and English company names', () => {
    assert.ok(new Set(plan.accounts.map((a) => a.industry)).size >= 8);
    assert.deepEqual(new Set(plan.accounts.map((a) => a.region)), new Set(['NA', 'China', 'EMEA', 'APAC', 'LATAM']));
    const chinese = plan.accounts.filter((a) => /[\u4e00-\u9fff]/.test(a.name));
    assert.ok(chinese.length > 50 && chinese.every((a) => a.region === 'China'));
    assert.ok(plan.accounts.every((a) => a.currency === 'USD'));
  });

  it('churns 8–12% of accounts, each with a past date in the last year and a DOMAIN reason', () => {
    const share = churned.length / plan.accounts.length;
    assert.ok(share >= 0.08 && share <= 0.12, `churned share ${share}`);
    for (const a of churned) {
      assert.equal(a.lifecycleStage, 'churned');
      assert.ok(a.churnDate && a.churnDate < today && a.churnDate >= addYears(today, -1), `${a.key} churned on ${a.churnDate}`);
      assert.ok(a.churnReason && (CHURN_REASONS as readonly string[]).includes(a.churnReason));
      assert.ok(a.contractStart < a.churnDate);
    }
  });

  it('renews every active account within the next year, after its contract started', () => {
    for (const a of active) {
      assert.ok(a.renewalDate && a.renewalDate >= today && a.renewalDate <= addYears(today, 1), `${a.key} renews ${a.renewalDate}`);
      assert.ok(a.contractStart <= today && a.contractStart < a.renewalDate);
      assert.equal(a.churnDate, null);
      assert.notEqual(a.lifecycleStage, 'churned');
    }
    const months = new Set(active.map((a) => a.renewalDate!.slice(0, 7)));
    assert.ok(months.size >= 12, 'renewals cluster in a few months');
  });

  it('sets stages that agree with the dates', () => {
    const daysTo = (date: string) => (Date.parse(date) - Date.parse(today)) / 86_400_000;
    for (const a of active) {
      const tenure = -daysTo(a.contractStart);
      if (a.lifecycleStage === 'renewal') assert.ok(daysTo(a.renewalDate!) <= 90);
      if (a.lifecycleStage === 'onboarding' || a.lifecycleStage === 'handoff') assert.ok(tenure < 90);
      if (a.lifecycleStage === 'stable') assert.ok(tenure >= 270 && daysTo(a.renewalDate!) > 90);
    }
    for (const stage of ['onboarding', 'rollout', 'stable', 'renewal', 'renewed']) {
      assert.ok(
        active.some((a) => a.lifecycleStage === stage),
        `no account in ${stage}`,
      );
    }
  });

  it('tags some accounts with each demo tag, churned ones with none', () => {
    for (const tag of ['strategic', 'reference', 'expansion-candidate', 'at-risk']) {
      assert.ok(
        active.some((a) => a.tags.includes(tag)),
        `no account tagged ${tag}`,
      );
    }
    assert.ok(churned.every((a) => a.tags.length === 0));
  });
});

describe('generateDemoPlan contacts', () => {
  const byAccount = new Map<string, typeof plan.contacts>();
  for (const c of plan.contacts) byAccount.set(c.accountKey, [...(byAccount.get(c.accountKey) ?? []), c]);

  it('gives every account 2–6 contacts with emails on its domain', () => {
    for (const a of plan.accounts) {
      const people = byAccount.get(a.key) ?? [];
      assert.ok(people.length >= 2 && people.length <= 6, `${a.key} has ${people.length} contacts`);
      for (const c of people) assert.ok(c.email.endsWith(`@${a.domain}`), c.email);
      assert.equal(new Set(people.map((c) => c.email)).size, people.length);
    }
  });

  it('gives most accounts a decision maker and many a champion, leaving some without one', () => {
    const has = (role: string) =>
      plan.accounts.filter((a) => byAccount.get(a.key)!.some((c) => c.role === role)).length / plan.accounts.length;
    assert.ok(has('decision_maker') > 0.85);
    assert.ok(has('champion') > 0.5 && has('champion') < 0.9);
  });

  it('flags decision makers, sponsors and champions as key people', () => {
    for (const c of plan.contacts) {
      if (c.role === 'decision_maker' || c.role === 'champion' || c.role === 'executive_sponsor') assert.equal(c.isKeyPerson, true);
      assert.ok(c.relationshipStrength >= 1 && c.relationshipStrength <= 5);
    }
  });

  it('names Chinese companies’ people in Chinese', () => {
    const chinese = plan.accounts.filter((a) => a.region === 'China').map((a) => a.key);
    const people = chinese.flatMap((key) => byAccount.get(key)!);
    assert.ok(people.every((c) => /^[\u4e00-\u9fff]{2,3}$/.test(c.name)));
  });

  it('has a few people who left, never in the future, and a key person gone where the account says so', () => {
    const left = plan.contacts.filter((c) => c.leftAt);
    assert.ok(left.length > 10 && left.length < plan.contacts.length * 0.15, `${left.length} left`);
    assert.ok(left.every((c) => c.leftAt! <= today));
    for (const a of plan.accounts.filter((a) => a.traits.keyPersonLeft)) {
      const people = byAccount.get(a.key)!;
      if (people.some((c) => c.role === 'champion' || c.role === 'decision_maker')) {
        assert.ok(
          people.some((c) => c.isKeyPerson && c.leftAt),
          `${a.key} should have lost a key person`,
        );
      }
    }
  });

  it('spreads last contact dates over the past, never after churn or departure', () => {
    const accounts = new Map(plan.accounts.map((a) => [a.key, a]));
    const contacted = plan.contacts.filter((c) => c.lastContactedAt);
    assert.ok(contacted.length > plan.contacts.length / 2);
    assert.ok(new Set(contacted.map((c) => c.lastContactedAt!.slice(0, 10))).size > 60);
    for (const c of contacted) {
      const limit = c.leftAt ?? accounts.get(c.accountKey)!.churnDate ?? today;
      assert.ok(c.lastContactedAt!.slice(0, 10) <= limit, `${c.key} contacted ${c.lastContactedAt} after ${limit}`);
    }
  });
});
