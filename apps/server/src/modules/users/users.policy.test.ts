import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wouldRemoveLastAdmin } from './users.policy';

describe('wouldRemoveLastAdmin', () => {
  const admin = { role: 'admin' as const, active: true };
  it('refuses demoting, deactivating or removing the only admin', () => {
    assert.equal(wouldRemoveLastAdmin(admin, { role: 'csm' }, 1), true);
    assert.equal(wouldRemoveLastAdmin(admin, { active: false }, 1), true);
    assert.equal(wouldRemoveLastAdmin(admin, { removed: true }, 1), true);
  });
  it('allows it when another admin remains', () => {
    assert.equal(wouldRemoveLastAdmin(admin, { role: 'csm' }, 2), false);
  });
  it('allows any change to a non-admin and renaming the admin', () => {
    assert.equal(wouldRemoveLastAdmin({ role: 'csm', active: true }, { removed: true }, 1), false);
    assert.equal(wouldRemoveLastAdmin(admin, {}, 1), false);
  });
});
