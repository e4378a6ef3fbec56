import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canEditTouch } from './timeline.policy';

describe('canEditTouch', () => {
  const touch = { authorId: 'u-1' };

  it('lets the author who is a CSM edit, but not another CSM', () => {
    assert.equal(canEditTouch({ userId: 'u-1', role: 'csm' }, touch), true);
    assert.equal(canEditTouch({ userId: 'u-2', role: 'csm' }, touch), false);
  });

  it('lets managers and admins edit anyone’s touch, and never viewers', () => {
    assert.equal(canEditTouch({ userId: 'u-3', role: 'manager' }, touch), true);
    assert.equal(canEditTouch({ userId: 'u-3', role: 'admin' }, { authorId: null }), true);
    assert.equal(canEditTouch({ userId: 'u-1', role: 'viewer' }, touch), false);
  });
});
