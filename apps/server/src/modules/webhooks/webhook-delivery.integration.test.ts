import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../../platform/clock';
import { createJobKicks } from '../../platform/jobs/job-kicks';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { createWebhooksService } from './webhooks.service';

type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** A real HTTP receiver on loopback answering with the given statuses in turn (then 200). */
async function startReceiver(statuses: number[] = []) {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses.shift() ?? 200;
      res.end(res.statusCode >= 400 ? 'receiver is down' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks/northstar`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('outgoing webhooks: signing, retries, private-address guard', () => {
  const clock = fixedClock(new Date('2026-03-02T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Hooks Co');
  });
  after(() => t.close());

  async function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  async function allowPrivateTargets(workspace: TestWorkspace, allow: boolean) {
    const res = await api('PATCH', '/webhooks/settings', { allowPrivateWebhookTargets: allow }, workspace.admin.headers);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.allowPrivateWebhookTargets, allow);
  }

  it('signs a delivery with HMAC-SHA256 over "t.body" that the receiver can verify with the secret it was shown', async () => {
    const receiver = await startReceiver();
    try {
      await allowPrivateTargets(ws, true);
      const rotated = await api('POST', '/webhooks/signing-secret/rotate');
      assert.equal(rotated.status, 200);
      const secret: string = rotated.body.secret;
      assert.match(secret, /^whsec_/);
      const settings = await api('GET', '/webhooks/settings');
      assert.equal(settings.body.signingSecretPrefix, rotated.body.prefix);
      assert.ok(!JSON.stringify(settings.body).includes(secret), 'settings never show the secret again');

      const { deliveryId } = await t.services.webhooks.enqueueWebhook(ws.id, {
        url: receiver.url,
        event: 'playbook.step',
        payload: { account: { id: 'a1', name: 'Acme' }, note: 'naïve café ✓' },
        source: { playbookId: '00000000-0000-4000-8000-00000000000a' },
      });
      const delivered = await t.services.webhooks.attemptDelivery(ws.id, deliveryId);
      assert.equal(delivered?.status, 'delivered');
      assert.equal(delivered?.attempts, 1);
      assert.equal(delivered?.lastStatusCode, 200);

      assert.equal(receiver.requests.length, 1);
      const [request] = receiver.requests;
      assert.equal(request!.method, 'POST');
      assert.equal(request!.url, '/hooks/northstar');
      assert.equal(request!.headers['content-type'], 'application/json');
      assert.equal(request!.headers['northstar-event'], 'playbook.step');
      assert.equal(request!.headers['northstar-delivery'], deliveryId);
      const signature = String(request!.headers['northstar-signature']);
      const match = signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/);
      assert.ok(match, signature);
      assert.equal(Number(match[1]), Math.floor(clock.now().getTime() / 1000));
      // Computed here, independently of the server's code, from the raw bytes received.
      const expected = createHmac('sha256', secret).update(`${match[1]}.${request!.body}`).digest('hex');
      assert.equal(match[2], expected);
      const body = JSON.parse(request!.body);
      assert.deepEqual(body, {
        id: deliveryId,
        event: 'playbook.step',
        createdAt: clock.now().toISOString(),
        data: { account: { id: 'a1', name: 'Acme' }, note: 'naïve café ✓' },
      });
      const wrongSecret = createHmac('sha256', 'whsec_other').update(`${match[1]}.${request!.body}`).digest('hex');
      assert.notEqual(match[2], wrongSecret);
    } finally {
      await receiver.close();
    }
  });

  it('retries after 500s with growing waits, then delivers; the log keeps every attempt', async () => {
    const receiver = await startReceiver([500, 503]);
    try {
      await allowPrivateTargets(ws, true);
      const { deliveryId } = await t.services.webhooks.enqueueWebhook(ws.id, {
        url: receiver.url,
        event: 'rule.test',
        payload: { n: 1 },
        source: {},
      });
      const first = await t.services.webhooks.attemptDelivery(ws.id, deliveryId);
      assert.equal(first?.status, 'pending');
      assert.equal(first?.lastStatusCode, 500);
      assert.match(first?.lastError ?? '', /HTTP 500: receiver is down/);
      assert.equal(first?.nextAttemptAt, new Date(clock.now().getTime() + 15_000).toISOString());

      // Not due yet: nothing is sent.
      assert.equal(await t.services.webhooks.attemptDelivery(ws.id, deliveryId), undefined);
      assert.equal(await t.services.webhooks.deliverDue(), 0);
      assert.equal(receiver.requests.length, 1);

      clock.advance(15_000);
      const second = await t.services.webhooks.attemptDelivery(ws.id, deliveryId);
      assert.equal(second?.status, 'pending');
      assert.equal(second?.lastStatusCode, 503);
      assert.equal(second?.nextAttemptAt, new Date(clock.now().getTime() + 45_000).toISOString(), 'the wait triples');

      clock.advance(45_000);
      assert.equal(await t.services.webhooks.deliverDue(), 1, 'the sweeper finds it due');
      const final = await api('GET', `/webhooks/deliveries/${deliveryId}`);
      assert.equal(final.body.status, 'delivered');
      assert.equal(final.body.attempts, 3);
      assert.equal(final.body.nextAttemptAt, null);
      assert.deepEqual(
        final.body.attemptLog.map((a: { statusCode: number }) => a.statusCode),
        [500, 503, 200],
      );
      assert.equal(receiver.requests.length, 3);
      // Every attempt is signed afresh, over the same body.
      assert.equal(new Set(receiver.requests.map((r) => r.body)).size, 1);
      assert.notEqual(receiver.requests[0]!.headers['northstar-signature'], receiver.requests[2]!.headers['northstar-signature']);
    } finally {
      await receiver.close();
    }
  });

  it('gives up as failed after the last attempt', async () => {
    const receiver = await startReceiver(new Array(20).fill(500));
    try {
      await allowPrivateTargets(ws, true);
      const { deliveryId } = await t.services.webhooks.enqueueWebhook(ws.id, {
        url: receiver.url,
        event: 'rule.test',
        payload: {},
        source: {},
      });
      let last;
      for (let i = 0; i < 8; i++) {
        last = await t.services.webhooks.attemptDelivery(ws.id, deliveryId);
        assert.ok(last, `attempt ${i + 1} ran`);
        clock.advance(7 * 3600 * 1000);
      }
      assert.equal(last?.status, 'failed');
      assert.equal(last?.attempts, 8);
      assert.equal(await t.services.webhooks.attemptDelivery(ws.id, deliveryId), undefined, 'a failed delivery is not retried');
      assert.equal(receiver.requests.length, 8);
    } finally {
      await receiver.close();
    }
  });

  it('refuses loopback, private, link-local and IPv6 loopback targets, and a host name resolving to loopback', async () => {
    const receiver = await startReceiver();
    try {
      await allowPrivateTargets(ws, false);
      const refused = [
        receiver.url,
        'http://10.1.2.3/hook',
        'http://169.254.169.254/latest/meta-data/',
        `http://[::1]:${receiver.port}/hook`,
        `http://localhost:${receiver.port}/hook`,
        'http://[::ffff:127.0.0.1]/hook',
        'http://192.168.0.10/hook',
        'http://100.64.1.1/hook',
      ];
      for (const url of refused) {
        const res = await api('POST', '/webhooks/test', { url });
        assert.equal(res.status, 400, `${url} gave ${res.status}`);
        assert.equal(res.body.error.code, 'WEBHOOK_TARGET_FORBIDDEN');
        assert.equal(res.body.error.details[0].field, 'url');
        assert.match(res.body.error.details[0].problem, /private network/);
      }
      // Delivery checks again: a target queued without the save-time check is refused, not sent.
      const { deliveryId } = await t.services.webhooks.enqueueWebhook(ws.id, {
        url: `http://localhost:${receiver.port}/hook`,
        event: 'rule.test',
        payload: {},
        source: {},
      });
      const attempt = await t.services.webhooks.attemptDelivery(ws.id, deliveryId);
      assert.equal(attempt?.status, 'failed', 'a refused target is not retried');
      assert.equal(attempt?.lastStatusCode, null);
      assert.match(attempt?.lastError ?? '', /refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/);
      const literal = await t.services.webhooks.enqueueWebhook(ws.id, { url: receiver.url, event: 'rule.test', payload: {}, source: {} });
      assert.match(
        (await t.services.webhooks.attemptDelivery(ws.id, literal.deliveryId))?.lastError ?? '',
        /refused: 127\.0\.0\.1 is a loopback address/,
      );
      assert.equal(receiver.requests.length, 0, 'nothing reached the private receiver');
    } finally {
      await receiver.close();
    }
  });

  it('allows private targets, localhost included, when an admin switches the setting on', async () => {
    const receiver = await startReceiver();
    try {
      const other = await createTestWorkspace(t.services, 'Intranet Co');
      await allowPrivateTargets(other, true);
      for (const url of [`http://localhost:${receiver.port}/a`, `http://127.0.0.1:${receiver.port}/b`]) {
        const res = await api('POST', '/webhooks/test', { url }, other.admin.headers);
        assert.equal(res.status, 201, JSON.stringify(res.body));
        assert.equal(res.body.event, 'webhook.test');
        const delivered = await t.services.webhooks.attemptDelivery(other.id, res.body.id);
        assert.equal(delivered?.status, 'delivered', delivered?.lastError ?? '');
      }
      assert.deepEqual(
        receiver.requests.map((r) => r.url),
        ['/a', '/b'],
      );
      // The setting is per workspace: the first workspace, with it off, is still refused.
      await allowPrivateTargets(ws, false);
      assert.equal((await api('POST', '/webhooks/test', { url: `http://localhost:${receiver.port}/a` })).status, 400);
    } finally {
      await receiver.close();
    }
  });

  it('refuses non-http schemes even with private targets allowed', async () => {
    await allowPrivateTargets(ws, true);
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'gopher://127.0.0.1:25/', 'not a url']) {
      const res = await api('POST', '/webhooks/test', { url });
      assert.equal(res.status, 400, url);
      assert.equal(res.body.error.details[0].field, 'url');
    }
    await assert.rejects(
      t.services.webhooks.enqueueWebhook(ws.id, { url: 'file:///etc/passwd', event: 'x', payload: {}, source: {} }),
      (error: Error & { code?: string }) => error.code === 'WEBHOOK_TARGET_FORBIDDEN',
    );
  });

  it('refuses at delivery a host name that resolved publicly when saved but privately now (DNS rebinding)', async () => {
    const receiver = await startReceiver();
    try {
      const answers = [[{ address: '93.184.216.34', family: 4 }], [{ address: '127.0.0.1', family: 4 }]];
      const webhooks = createWebhooksService({
        database: t.database,
        clock,
        kicks: createJobKicks(),
        resolveHost: async () => answers.shift() ?? [{ address: '127.0.0.1', family: 4 }],
      });
      const rebind = await createTestWorkspace(t.services, 'Rebind Co');
      const url = `http://rebind.example:${receiver.port}/hook`;
      await webhooks.validateWebhookTarget(rebind.id, url);
      const { deliveryId } = await webhooks.enqueueWebhook(rebind.id, { url, event: 'rule.test', payload: {}, source: {} });
      const attempt = await webhooks.attemptDelivery(rebind.id, deliveryId);
      assert.equal(attempt?.status, 'failed');
      assert.match(attempt?.lastError ?? '', /refused: rebind\.example resolves to 127\.0\.0\.1 is a loopback address/);
      assert.equal(receiver.requests.length, 0);
    } finally {
      await receiver.close();
    }
  });

  it('does not follow redirects', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await allowPrivateTargets(ws, true);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const { deliveryId } = await t.services.webhooks.enqueueWebhook(ws.id, { url, event: 'rule.test', payload: {}, source: {} });
      const attempt = await t.services.webhooks.attemptDelivery(ws.id, deliveryId);
      assert.equal(attempt?.status, 'pending');
      assert.equal(attempt?.lastStatusCode, 302);
      assert.match(attempt?.lastError ?? '', /redirect to http:\/\/169\.254\.169\.254\/latest\/meta-data\/ not followed/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
