import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

// analytics.js runs in the customer's web app and posts from its origin, not Northstar's.
describe('tracking API from a browser on another origin (CORS)', () => {
  const origin = 'https://app.customer.example';
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Browser Co');
  });
  after(() => t.close());

  it('answers a preflight for JSON with an Authorization header', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/batch',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(String(res.headers['access-control-allow-methods']), /POST/);
    assert.match(String(res.headers['access-control-allow-headers']).toLowerCase(), /authorization/);
    assert.match(String(res.headers['access-control-allow-headers']).toLowerCase(), /content-type/);
  });

  it('lets the page read the answer to a text/plain post with the write key in the body, as analytics.js sends it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/t',
      headers: { origin, 'content-type': 'text/plain' },
      payload: JSON.stringify({ writeKey: ws.writeKey, anonymousId: 'visitor-1', event: 'Pricing Viewed', messageId: 'browser-1' }),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const { rows } = await t.database.query(`SELECT event FROM usage_events WHERE workspace_id = $1 AND message_id = 'browser-1'`, [ws.id]);
    assert.deepEqual(rows, [{ event: 'Pricing Viewed' }]);
  });

  it('lets the page read an error too (an unknown write key)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/t',
      headers: { origin, 'content-type': 'text/plain' },
      payload: JSON.stringify({ writeKey: 'nsk_unknown', anonymousId: 'visitor-1', event: 'Pricing Viewed' }),
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });

  it('opens no other path to other origins', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/accounts',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.equal(preflight.statusCode, 404);
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { origin, ...ws.admin.headers } });
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['access-control-allow-origin'], undefined);
  });
});
