import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromPolicyDraft, policyFieldErrors, toPolicyDraft } from './tiering-policy-model';

const policy = {
  s: { arrShare: 0.6, maxAccountShare: 0.2, minAccountShare: 0.1 },
  c: { arrPercentile: 0.4, minEmployees: 50 },
  engagement: { usageThreshold: 0.4, healthThreshold: 70 },
};

describe('tiering policy form', () => {
  it('shows shares as percentages and gives the same policy back', () => {
    const draft = toPolicyDraft(policy);
    assert.deepEqual([draft.arrShare, draft.maxAccountShare, draft.usageThreshold, draft.healthThreshold], ['60', '20', '40', '70']);
    assert.deepEqual(fromPolicyDraft(draft), policy);
  });

  it('turns a switched-off C rule into null and keeps a sensible value to switch it back on', () => {
    const draft = toPolicyDraft({ ...policy, c: { arrPercentile: null, minEmployees: null } });
    assert.equal(draft.cPercentileOn, false);
    assert.equal(draft.cPercentile, '40');
    assert.deepEqual(fromPolicyDraft({ ...draft, cEmployeesOn: true, cEmployees: '20' }).c, { arrPercentile: null, minEmployees: 20 });
  });

  it('parses 62.5% exactly and lets a blank go to the server to be named', () => {
    const body = fromPolicyDraft({ ...toPolicyDraft(policy), arrShare: '62.5', usageThreshold: ' ' });
    assert.equal(body.s.arrShare, 0.625);
    assert.ok(Number.isNaN(body.engagement.usageThreshold));
  });

  it('places the server’s problems beside their inputs', () => {
    assert.deepEqual(
      policyFieldErrors([
        { field: 's.minAccountShare', problem: 'must not exceed s.maxAccountShare' },
        { field: '/engagement/usageThreshold', problem: 'must be a share between 0 and 1' },
        { field: 'other', problem: 'ignored' },
      ]),
      { minAccountShare: 'must not exceed s.maxAccountShare', usageThreshold: 'must be a share between 0 and 1' },
    );
  });
});
