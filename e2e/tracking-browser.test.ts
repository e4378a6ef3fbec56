import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Segment's browser library (analytics-next), served by the customer's site as its own bundle.
const ANALYTICS_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('@segment/analytics-next')), '../umd/index.js');

// Issue 4: analytics.js runs in the customer's own web app and posts to Northstar from that
// origin. A real browser enforces CORS: the page must be able to send events and read the answer,
// both the way analytics.js sends them (text/plain, write key in the body: no preflight) and as a
// client sending JSON with Basic auth (preflighted); and must still be unable to read the app's API.
// Segment's own analytics.js, told only where Northstar is (its cdnURL), must then just work.
describe('tracking API from a web page on another origin', () => {
  let server: TestServer;
  let site: http.Server;
  let siteUrl: string;
  let browser: Browser;
  let page: Page;
  let writeKey: string;

  before(async () => {
    server = await startTestServer();
    ({ secret: writeKey } = await server.api<{ secret: string }>('POST', '/write-keys', { name: 'website' }));
    // The customer's site: another host name and port than the Northstar server's 127.0.0.1.
    site = http.createServer((request, response) => {
      if (request.url === '/analytics.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(fs.readFileSync(ANALYTICS_JS));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Customer app</title><script src="/analytics.js"></script><p>Customer app</p>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await page.goto(siteUrl);
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await server?.stop();
  });

  /** Runs fetch in the page; answers its status and JSON body, or the error the browser raised. */
  async function fetchFromPage(url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
    return page.evaluate(
      async ({ url, init }) => {
        try {
          const response = await fetch(url, init);
          return { status: response.status, body: (await response.json()) as unknown };
        } catch (error) {
          return { error: String(error) };
        }
      },
      { url, init },
    );
  }

  it('sends an event as analytics.js does and reads the answer', async () => {
    const identify = await fetchFromPage(`${server.baseUrl}/v1/i`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ writeKey, userId: 'web-visitor', traits: { email: 'visitor@customer.example' }, messageId: 'web-1' }),
    });
    assert.deepEqual(identify, { status: 200, body: { success: true } });
    const track = await fetchFromPage(`${server.baseUrl}/v1/t`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ writeKey, userId: 'web-visitor', event: 'Pricing Viewed', messageId: 'web-2' }),
    });
    assert.deepEqual(track, { status: 200, body: { success: true } });
    const events = await server.api<{ items: { name: string | null; type: string }[] }>('GET', '/product-users/web-visitor/events');
    assert.deepEqual(events.items.map((e) => [e.type, e.name]).sort(), [
      ['identify', null],
      ['track', 'Pricing Viewed'],
    ]);
  });

  it('sends JSON with Basic auth after a preflight, and reads a rejection too', async () => {
    const batch = await fetchFromPage(`${server.baseUrl}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` },
      body: JSON.stringify({ batch: [{ type: 'track', userId: 'web-visitor', event: 'Plan Compared', messageId: 'web-3' }] }),
    });
    assert.deepEqual(batch, { status: 200, body: { success: true } });
    const refused = await fetchFromPage(`${server.baseUrl}/v1/t`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ writeKey: 'nsk_not_a_key', userId: 'web-visitor', event: 'Pricing Viewed' }),
    });
    assert.equal('status' in refused && refused.status, 401);
  });

  it('runs Segment’s analytics.js with its cdnURL set to Northstar: settings, identify, group, track, page', async () => {
    const delivered = await page.evaluate(
      async ({ writeKey, cdnURL }) => {
        type Ctx = { failedDelivery: () => unknown };
        type Analytics = {
          identify: (id: string, traits: object) => Promise<Ctx>;
          group: (id: string, traits: object) => Promise<Ctx>;
          track: (event: string, properties: object) => Promise<Ctx>;
          page: (category: string, name: string) => Promise<Ctx>;
        };
        const { AnalyticsBrowser } = (
          window as unknown as { AnalyticsNext: { AnalyticsBrowser: { load: (s: object) => Promise<[Analytics]> } } }
        ).AnalyticsNext;
        const [analytics] = await AnalyticsBrowser.load({ writeKey, cdnURL });
        const results = [
          await analytics.identify('ajs-user', { email: 'ajs@customer.example' }),
          await analytics.group('ajs-account', { name: 'AJS 客户', plan: 'Growth' }),
          await analytics.track('Report Shared', { format: 'pdf' }),
          await analytics.page('Docs', 'Getting started'),
        ];
        return results.map((ctx) => ctx.failedDelivery() ?? null);
      },
      { writeKey, cdnURL: server.baseUrl },
    );
    assert.deepEqual(delivered, [null, null, null, null]);
    const events = await server.api<{ items: { name: string | null; type: string }[] }>('GET', '/product-users/ajs-user/events');
    assert.deepEqual(events.items.map((e) => [e.type, e.name]).sort(), [
      ['group', null],
      ['identify', null],
      ['page', 'Getting started'],
      ['track', 'Report Shared'],
    ]);
    const accounts = await server.api<{ items: { name: string; externalId: string | null; plan: string | null }[] }>(
      'GET',
      '/accounts?externalId=ajs-account',
    );
    const account = accounts.items.find((a) => a.externalId === 'ajs-account');
    assert.deepEqual([account?.name, account?.plan], ['AJS 客户', 'Growth']);
  });

  it('cannot read the app API from that origin', async () => {
    const result = await fetchFromPage(`${server.baseUrl}/api/v1/accounts`, { method: 'GET', headers: {} });
    assert.ok('error' in result, `the page read the API: ${JSON.stringify(result)}`);
  });
});
