import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffSegmentMembership } from './diff-segment-membership';

describe('diffSegmentMembership', () => {
  it('lists accounts that entered and left, sorted', () => {
    assert.deepEqual(diffSegmentMembership(['b', 'a', 'c'], ['d', 'c', 'e']), { entered: ['d', 'e'], left: ['a', 'b'] });
  });

  it('reports nothing when membership is unchanged, whatever the order', () => {
    assert.deepEqual(diffSegmentMembership(['a', 'b'], new Set(['b', 'a'])), { entered: [], left: [] });
  });

  it('treats a first evaluation as everyone entering', () => {
    assert.deepEqual(diffSegmentMembership([], ['x']), { entered: ['x'], left: [] });
  });
});
