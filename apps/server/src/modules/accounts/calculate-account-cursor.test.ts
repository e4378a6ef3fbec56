import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateAccountSort, decodeAccountCursor, encodeAccountCursor } from './calculate-account-cursor';

const id = '3f1c2a4e-8b7d-4c1a-9e2f-0a1b2c3d4e5f';

describe('account cursors', () => {
  it('round-trips the sort key and id through an opaque url-safe token', () => {
    for (const cursor of [
      { sort: 'name' as const, key: 'acme 北极星 & co', id },
      { sort: '-arr' as const, key: '120000.50', id },
      { sort: 'renewalDate' as const, key: null, id },
      { sort: '-createdAt' as const, key: '2026-01-02T03:04:05.123456Z', id },
    ]) {
      const token = encodeAccountCursor(cursor);
      assert.match(token, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodeAccountCursor(token, cursor.sort), cursor);
    }
  });

  it('treats a missing sort as name', () => {
    const token = encodeAccountCursor({ sort: 'name', key: 'a', id });
    assert.deepEqual(decodeAccountCursor(token, undefined), { sort: 'name', key: 'a', id });
  });

  it('rejects a cursor made for another sort order', () => {
    const token = encodeAccountCursor({ sort: 'arr', key: '10.00', id });
    assert.equal(decodeAccountCursor(token, '-arr'), undefined);
  });

  it('rejects garbage and keys that would not cast in SQL', () => {
    assert.equal(decodeAccountCursor('not-a-cursor', 'name'), undefined);
    assert.equal(decodeAccountCursor(Buffer.from('{"a":1}').toString('base64url'), 'name'), undefined);
    assert.equal(decodeAccountCursor(encodeAccountCursor({ sort: 'arr', key: '1e9; drop', id }), 'arr'), undefined);
    assert.equal(decodeAccountCursor(encodeAccountCursor({ sort: 'renewalDate', key: 'tomorrow', id }), 'renewalDate'), undefined);
    assert.equal(decodeAccountCursor(encodeAccountCursor({ sort: 'name', key: 'a', id: 'nope' }), 'name'), undefined);
  });
});

describe('calculateAccountSort', () => {
  it('reads a leading dash as descending and defaults to name ascending', () => {
    assert.deepEqual(calculateAccountSort('-renewalDate'), { field: 'renewalDate', direction: 'desc' });
    assert.deepEqual(calculateAccountSort('arr'), { field: 'arr', direction: 'asc' });
    assert.deepEqual(calculateAccountSort(undefined), { field: 'name', direction: 'asc' });
  });
});
