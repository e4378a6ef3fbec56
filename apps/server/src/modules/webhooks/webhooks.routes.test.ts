import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

describe('webhooks API', () => {
  const clock = fixedClock(new Date('2026-03-02T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Webhook API Co');
  });
  after(() => t.close());

  async function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  it('lists deliveries newest first, filters them and pages with a cursor', async () => {
    const enqueue = (event: string, ruleId?: string) =>
      t.services.webhooks.enqueueWebhook(ws.id, {
        url: 'https://hooks.example.com/x',
        event,
        payload: { event },
        source: ruleId ? { ruleId } : {},
      });
    const ruleId = '00000000-0000-4000-8000-0000000000aa';
    const first = await enqueue('a.one');
    clock.advance(1000);
    const second = await enqueue('b.two', ruleId);
    clock.advance(1000);
    const third = await enqueue('a.one');

    const all = await api('GET', '/webhooks/deliveries');
    assert.deepEqual(
      all.body.items.map((d: { id: string }) => d.id),
      [third.deliveryId, second.deliveryId, first.deliveryId],
    );
    assert.equal(all.body.items[0].status, 'pending');
    assert.equal(all.body.items[0].maxAttempts, 8);

    const byEvent = await api('GET', '/webhooks/deliveries?event=a.one');
    assert.equal(byEvent.body.items.length, 2);
    const byRule = await api('GET', `/webhooks/deliveries?ruleId=${ruleId}`);
    assert.deepEqual(
      byRule.body.items.map((d: { source: { ruleId: string } }) => d.source.ruleId),
      [ruleId],
    );

    const page1 = await api('GET', '/webhooks/deliveries?limit=2');
    assert.equal(page1.body.items.length, 2);
    const page2 = await api('GET', `/webhooks/deliveries?limit=2&cursor=${page1.body.nextCursor}`);
    assert.deepEqual(
      page2.body.items.map((d: { id: string }) => d.id),
      [first.deliveryId],
    );
    assert.equal(page2.body.nextCursor, null);

    const bad = await api('GET', '/webhooks/deliveries?cursor=nonsense');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'cursor');
  });

  it('redelivers as a new delivery and keeps the original as it was', async () => {
    const { deliveryId } = await t.services.webhooks.enqueueWebhook(ws.id, {
      url: 'https://hooks.example.com/y',
      event: 'rule.fired',
      payload: { a: 1 },
      source: {},
    });
    const manager = await ws.addUser('manager');
    const again = await api('POST', `/webhooks/deliveries/${deliveryId}/redeliver`, undefined, manager.headers);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.notEqual(again.body.id, deliveryId);
    assert.equal(again.body.redeliveryOf, deliveryId);
    assert.deepEqual(again.body.payload, { a: 1 });
    assert.equal(again.body.attempts, 0);
    const original = await api('GET', `/webhooks/deliveries/${deliveryId}`);
    assert.equal(original.body.redeliveryOf, null);

    const csm = await ws.addUser('csm');
    assert.equal((await api('GET', '/webhooks/deliveries', undefined, csm.headers)).status, 403);
    assert.equal((await api('GET', '/webhooks/settings', undefined, manager.headers)).status, 403, 'settings are the admin’s');
  });

  it('rotates the signing secret: shown once, a new one each time, only its prefix readable', async () => {
    const before = await api('GET', '/webhooks/settings');
    assert.deepEqual(before.body, { allowPrivateWebhookTargets: false, signingSecretPrefix: null, signingSecretRotatedAt: null });
    const one = await api('POST', '/webhooks/signing-secret/rotate');
    const two = await api('POST', '/webhooks/signing-secret/rotate');
    assert.notEqual(one.body.secret, two.body.secret);
    assert.ok(two.body.secret.startsWith(two.body.prefix));
    const settings = await api('GET', '/webhooks/settings');
    assert.equal(settings.body.signingSecretPrefix, two.body.prefix);
    assert.equal(settings.body.signingSecretRotatedAt, clock.now().toISOString());
  });

  it('refuses a playbook whose webhook step targets a private address, naming the step', async () => {
    const definition = (url: string) => ({
      name: 'Hook play',
      description: '',
      ctaReason: 'risk',
      enabled: true,
      steps: [{ key: 'crm', kind: 'action', title: 'Tell the CRM', action: { type: 'webhook', url, event: 'x' } }],
    });
    const refused = await api('POST', '/playbooks', definition('http://169.254.169.254/latest/meta-data/'));
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.error.details[0].field, 'steps.0.action.url');
    assert.match(refused.body.error.details[0].problem, /link-local/);
    const localhost = await api('POST', '/playbooks', definition('http://localhost:8080/hook'));
    assert.equal(localhost.status, 400);
    assert.equal((await api('POST', '/playbooks', definition('https://203.0.113.10/hook'))).status, 201);
  });

  it('delivers a playbook’s webhook step to its receiver, with the run’s facts', async () => {
    const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        requests.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const other = await createTestWorkspace(t.services, 'Playbook Hooks Co');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sop`;
      await t.services.webhooks.updateSettings(other.id, { allowPrivateWebhookTargets: true });
      const playbook = await t.services.playbooks.createPlaybook(
        { workspaceId: other.id, userId: other.admin.id },
        {
          name: 'Notify the CRM',
          description: '',
          ctaReason: 'risk',
          enabled: true,
          steps: [{ key: 'crm', kind: 'action', title: 'Tell the CRM', action: { type: 'webhook', url, event: 'account.at_risk' } }],
        },
      );
      const account = await t.services.accounts.createAccount(other.id, { name: 'Hooked Ltd' });
      await t.services.playbooks.startPlaybook(other.id, { playbookId: playbook.id, accountId: account.id, cta: { reason: 'risk' } });
      const page = await t.services.webhooks.listDeliveries(other.id, { playbookId: playbook.id });
      assert.equal(page.items.length, 1);
      const [delivery] = page.items;
      assert.equal(delivery!.event, 'account.at_risk');
      assert.equal(delivery!.source.accountId, account.id);
      assert.equal((await t.services.webhooks.attemptDelivery(other.id, delivery!.id))?.status, 'delivered');
      assert.equal(requests.length, 1);
      assert.equal(requests[0]!.headers['northstar-event'], 'account.at_risk');
      assert.equal(JSON.parse(requests[0]!.body).data.account.name, 'Hooked Ltd');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
