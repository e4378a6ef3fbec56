import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canActOn, canAssign, canManageTeamWork } from './tasks.policy';

describe('tasks policy', () => {
  const csm = { userId: 'csm-1', role: 'csm' as const };
  const manager = { userId: 'mgr-1', role: 'manager' as const };
  const viewer = { userId: 'viewer-1', role: 'viewer' as const };

  it('lets a CSM act on their own and unowned tasks only', () => {
    assert.equal(canActOn(csm, { ownerId: 'csm-1' }), true);
    assert.equal(canActOn(csm, { ownerId: null }), true);
    assert.equal(canActOn(csm, { ownerId: 'csm-2' }), false);
    assert.equal(canActOn(manager, { ownerId: 'csm-2' }), true);
    assert.equal(canActOn(viewer, { ownerId: 'viewer-1' }), false);
  });

  it('lets a CSM assign work only to themselves', () => {
    assert.equal(canAssign(csm, 'csm-1'), true);
    assert.equal(canAssign(csm, 'csm-2'), false);
    assert.equal(canAssign(csm, null), false);
    assert.equal(canAssign(manager, null), true);
  });

  it('gives team scope to managers and admins', () => {
    assert.equal(canManageTeamWork(manager), true);
    assert.equal(canManageTeamWork({ role: 'admin' }), true);
    assert.equal(canManageTeamWork(csm), false);
    assert.equal(canManageTeamWork(viewer), false);
  });
});
