import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFeedCursor, encodeFeedCursor } from './calculate-feed-cursor';

describe('feed cursor', () => {
  it('round-trips a time to the microsecond and an id', () => {
    const cursor = { at: '2026-03-02T10:00:00.123456Z', id: '9b2f3c1e-8d4a-4f6b-9c2d-1e2f3a4b5c6d' };
    assert.deepEqual(decodeFeedCursor(encodeFeedCursor(cursor)), cursor);
  });

  it('rejects text that is not a cursor instead of guessing', () => {
    assert.equal(decodeFeedCursor('not-a-cursor'), undefined);
    assert.equal(decodeFeedCursor(Buffer.from('["2026-03-02", "x"]').toString('base64url')), undefined);
    assert.equal(decodeFeedCursor(Buffer.from('{"at":1}').toString('base64url')), undefined);
  });
});
