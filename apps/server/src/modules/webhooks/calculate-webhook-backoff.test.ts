import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateWebhookBackoff } from './calculate-webhook-backoff';

describe('calculateWebhookBackoff', () => {
  it('grows exponentially from 15 seconds and stops at six hours', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(calculateWebhookBackoff), [15, 45, 135, 405, 1215, 3645, 10935]);
    assert.equal(calculateWebhookBackoff(20), 6 * 3600);
  });
});
