import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEventCursor, encodeEventCursor } from './calculate-event-cursor';

describe('event cursors', () => {
  it('round-trips the time to the microsecond and any message id', () => {
    const cursor = { timestamp: '2026-03-02T09:15:00.123456Z', messageId: 'ajs-next-é/"quoted"' };
    assert.deepEqual(decodeEventCursor(encodeEventCursor(cursor)), cursor);
  });

  it('refuses anything it did not make', () => {
    for (const bad of [
      '',
      'not base64 !',
      Buffer.from('{"a":1}').toString('base64url'),
      encodeEventCursor({ timestamp: '2026-03-02', messageId: 'x' }),
    ]) {
      assert.equal(decodeEventCursor(bad), undefined, bad);
    }
  });
});
