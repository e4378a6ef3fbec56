import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultScorecards } from './default-scorecards';
import type { ApplicabilityRule, Scorecard } from './scorecard';
import { selectScorecard } from './select-scorecard';

const [standard, keyAccount] = defaultScorecards() as [Scorecard, Scorecard];

function withRule(id: string, applicability: ApplicabilityRule): Scorecard {
  return { ...standard, id, name: id, applicability };
}

const anyAccount = { tier: null, stage: null, segmentIds: [] };

describe('selectScorecard', () => {
  it('gives S-tier accounts the key-account scorecard and others the default', () => {
    assert.equal(selectScorecard({ ...anyAccount, tier: 'S' }, [standard, keyAccount]).id, 'key-account');
    assert.equal(selectScorecard({ ...anyAccount, tier: 'A' }, [standard, keyAccount]).id, 'default');
    assert.equal(selectScorecard(anyAccount, [standard, keyAccount]).id, 'default');
  });

  it('requires every listed dimension to match', () => {
    const onboardingS = withRule('onboarding-s', { tiers: ['S'], stages: ['onboarding'], priority: 20 });
    assert.equal(selectScorecard({ ...anyAccount, tier: 'S', stage: 'stable' }, [standard, keyAccount, onboardingS]).id, 'key-account');
    assert.equal(
      selectScorecard({ ...anyAccount, tier: 'S', stage: 'onboarding' }, [standard, keyAccount, onboardingS]).id,
      'onboarding-s',
    );
  });

  it('matches a segment rule when the account is in any of its segments', () => {
    const retail = withRule('retail', { segmentIds: ['seg-retail', 'seg-shops'], priority: 5 });
    assert.equal(selectScorecard({ ...anyAccount, segmentIds: ['seg-other', 'seg-shops'] }, [standard, retail]).id, 'retail');
    assert.equal(selectScorecard({ ...anyAccount, segmentIds: ['seg-other'] }, [standard, retail]).id, 'default');
  });

  it('breaks a priority tie by specificity, then by id, whatever the list order', () => {
    const broad = withRule('b-broad', { tiers: ['A'], priority: 5 });
    const narrow = withRule('c-narrow', { tiers: ['A'], stages: ['rollout'], priority: 5 });
    const twin = withRule('a-twin', { tiers: ['A'], stages: ['rollout'], priority: 5 });
    const account = { tier: 'A' as const, stage: 'rollout' as const, segmentIds: [] };
    assert.equal(selectScorecard(account, [broad, narrow, twin]).id, 'a-twin');
    assert.equal(selectScorecard(account, [twin, narrow, broad]).id, 'a-twin');
    assert.equal(selectScorecard(account, [broad, narrow]).id, 'c-narrow');
  });

  it('falls back to the default when no rule matches', () => {
    const sOnly = withRule('s-only', { tiers: ['S'], priority: 1 });
    assert.equal(selectScorecard({ ...anyAccount, tier: 'C' }, [sOnly]).id, 'default');
    assert.equal(selectScorecard({ ...anyAccount, tier: 'C' }, [sOnly], keyAccount).id, 'key-account');
  });
});
