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

  it('serves analytics.js its settings, pointing it back at this server', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/projects/${ws.writeKey}/settings`,
      headers: { origin, host: 'northstar.example.com', 'x-forwarded-proto': 'https' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cache-control'], 'no-store');
    const settings = res.json<{ integrations: Record<string, { apiKey: string; apiHost: string; protocol: string }>; metrics: object }>();
    const segment = settings.integrations['Segment.io']!;
    assert.deepEqual([segment.apiKey, segment.apiHost, segment.protocol], [ws.writeKey, 'northstar.example.com/v1', 'https']);
    // Nothing else to load, and no delivery metrics sent to Segment.
    assert.deepEqual(Object.keys(settings.integrations), ['Segment.io']);
    assert.deepEqual(settings.metrics, { sampleRate: 0 });
  });

  it('refuses settings for an unknown write key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/projects/nsk_unknown/settings', headers: { origin } });
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
