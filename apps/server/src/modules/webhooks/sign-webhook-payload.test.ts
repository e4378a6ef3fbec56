import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signWebhookPayload, verifyWebhookSignature } from './sign-webhook-payload';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"d1","event":"rule.fired","data":{"a":1}}';

  it('signs t.body with HMAC-SHA256 in hex', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    assert.equal(signWebhookPayload(secret, 1_700_000_000, body), `t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature and refuses a changed body, another secret or an old timestamp', () => {
    const header = signWebhookPayload(secret, 1_700_000_000, body);
    assert.equal(verifyWebhookSignature(secret, header, body, { nowSeconds: 1_700_000_010 }), true);
    assert.equal(verifyWebhookSignature(secret, header, `${body} `, { nowSeconds: 1_700_000_010 }), false);
    assert.equal(verifyWebhookSignature('whsec_other', header, body, { nowSeconds: 1_700_000_010 }), false);
    assert.equal(verifyWebhookSignature(secret, header, body, { nowSeconds: 1_700_000_000 + 301 }), false);
    assert.equal(verifyWebhookSignature(secret, 'garbage', body, { nowSeconds: 1_700_000_000 }), false);
  });
});
