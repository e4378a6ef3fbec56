import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TIERING_POLICY, validateTieringPolicy } from './tiering-policy';

describe('validateTieringPolicy', () => {
  it('accepts the defaults', () => {
    assert.deepEqual(validateTieringPolicy(DEFAULT_TIERING_POLICY), []);
  });

  it('names each bad field', () => {
    const problems = validateTieringPolicy({
      s: { arrShare: 1.5, maxAccountShare: 0.1, minAccountShare: 0.2 },
      c: { arrPercentile: -0.1, minEmployees: 2.5 },
      engagement: { usageThreshold: 0.4, healthThreshold: 120 },
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['s.arrShare', 's.minAccountShare', 'c.arrPercentile', 'c.minEmployees', 'engagement.healthThreshold'],
    );
  });

  it('allows turning the C rules off', () => {
    assert.deepEqual(validateTieringPolicy({ ...DEFAULT_TIERING_POLICY, c: { arrPercentile: null, minEmployees: null } }), []);
  });

  it('refuses an empty S', () => {
    const problems = validateTieringPolicy({ ...DEFAULT_TIERING_POLICY, s: { arrShare: 0, maxAccountShare: 0.2, minAccountShare: 0 } });
    assert.deepEqual(problems, [{ field: 's.arrShare', problem: 'must be more than 0' }]);
  });
});
