import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { testEngine } from '../../testing/test-database';

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });

describe(`tracking API on ${testEngine()}`, () => {
  const clock = fixedClock(new Date('2026-11-20T12:00:00.000Z'));
  let t: TestApp;
  let a: TestWorkspace;
  let b: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    a = await createTestWorkspace(t.services, 'Tracking A');
    b = await createTestWorkspace(t.services, 'Tracking B');
  });
  after(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = basic(a.writeKey)) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });

  async function stored(workspaceId: string, messageId: string) {
    const { rows } = await t.database.query(
      `SELECT type, event, name, user_id, anonymous_id, group_id, previous_id, account_id::text AS account_id,
              "timestamp", properties, traits, context FROM usage_events WHERE workspace_id = $1 AND message_id = $2`,
      [workspaceId, messageId],
    );
    return rows;
  }

  it('stores one event from each single-event endpoint, long and short path, exactly once', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/v1/track', { userId: 'u1', event: 'Report Shared', properties: { format: 'pdf' } }],
      ['/v1/t', { anonymousId: 'anon-1', event: 'Signed Up' }],
      ['/v1/identify', { userId: 'u1', traits: { email: 'u1@example.com' } }],
      ['/v1/i', { userId: 'u2' }],
      ['/v1/page', { userId: 'u1', name: 'Pricing', properties: { path: '/pricing' } }],
      ['/v1/p', { anonymousId: 'anon-2' }],
      ['/v1/screen', { userId: 'u1', name: 'Home' }],
      ['/v1/s', { userId: 'u1' }],
      ['/v1/group', { userId: 'u1', groupId: 'grp-single', traits: { name: 'Single Co' } }],
      ['/v1/g', { anonymousId: 'anon-3', groupId: 'grp-short' }],
      ['/v1/alias', { userId: 'u1', previousId: 'anon-1' }],
      ['/v1/a', { userId: 'u3', previousId: 'anon-3' }],
    ];
    for (const [url, event] of cases) {
      const messageId = randomUUID();
      const res = await post(url, { ...event, messageId });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      assert.deepEqual(res.json(), { success: true });
      const rows = await stored(a.id, messageId);
      assert.equal(rows.length, 1, url);
    }
    const page = await post('/v1/page', { userId: 'u1', name: 'Docs', messageId: 'page-msg' });
    assert.equal(page.statusCode, 200);
    assert.equal((await stored(a.id, 'page-msg'))[0]!.name, 'Docs');
  });

  it('stores every event of a batch, on /v1/batch and the paths other libraries use', async () => {
    for (const url of ['/v1/batch', '/batch', '/v1/b', '/v1/import']) {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      const res = await post(url, {
        batch: [
          { type: 'identify', userId: 'bu', messageId: ids[0], traits: { plan: 'pro' } },
          { type: 'track', userId: 'bu', event: 'Clicked', messageId: ids[1] },
          { type: 'page', anonymousId: 'ba', messageId: ids[2] },
        ],
      });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      assert.deepEqual(res.json(), { success: true });
      for (const id of ids) assert.equal((await stored(a.id, id)).length, 1, url);
    }
  });

  it('handles a large batch (prepared on a worker thread) like a small one: stored, de-duplicated, invalid ones reported', async () => {
    const group = `big-${randomUUID()}`;
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const batch: Record<string, unknown>[] = ids.map((messageId, i) => ({
      type: 'track',
      userId: `big-user-${i % 7}`,
      event: 'Report Shared',
      messageId,
      timestamp: '2026-11-20T11:00:00.000Z',
      properties: { i, path: 'C:\\reports\tq3', zh: '报表', emoji: '😀' },
      context: { groupId: group },
    }));
    batch.push({ type: 'group', userId: 'big-user-0', groupId: group, traits: { name: 'Big Batch Co' }, messageId: randomUUID() });
    batch.push({ type: 'track', userId: 'big-user-1', messageId: randomUUID() });
    batch.push({ type: 'track', userId: 'big-user-1', event: 'Nul', properties: { s: 'a\u0000b' }, messageId: randomUUID() });
    const body = JSON.stringify({ batch, sentAt: '2026-11-20T11:00:00.000Z' });
    assert.ok(Buffer.byteLength(body) > 64 * 1024, 'large enough for a worker thread');
    const send = (payload: string | Buffer, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/batch',
        headers: { 'content-type': 'application/json', ...basic(a.writeKey), ...headers },
        payload,
      });

    const res = await send(body);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().rejected, [
      { index: 301, reason: 'event is required for track' },
      { index: 302, reason: 'a string contains a NUL character (\\u0000)' },
    ]);
    const again = await send(gzipSync(body), { 'content-encoding': 'gzip' });
    assert.equal(again.statusCode, 200, again.body);
    const { rows } = await t.database.query(
      `SELECT count(*)::int AS n, count(DISTINCT message_id)::int AS ids, count(*) FILTER (WHERE account_id IS NOT NULL)::int AS credited,
              min(properties->>'path') AS path, min(properties->>'zh') AS zh, min("timestamp") AS ts
       FROM usage_events WHERE workspace_id = $1 AND message_id = ANY($2)`,
      [a.id, ids],
    );
    assert.deepEqual(
      { ...rows[0], ts: new Date(rows[0]!.ts as string).toISOString() },
      {
        n: 300,
        ids: 300,
        credited: 300,
        path: 'C:\\reports\tq3',
        zh: '报表',
        ts: '2026-11-20T12:00:00.000Z',
      },
    );

    const broken = await send(Buffer.alloc(20_000, 'x'), { 'content-encoding': 'gzip' });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.json().error.message, /not valid gzip/);
    const notJson = await send(`${body.slice(0, -1)},`);
    assert.equal(notJson.statusCode, 400);
    assert.match(notJson.json().error.message, /not valid JSON/);
  });

  it('never stores a messageId twice: retried request, repeat inside a batch, repeat across batches', async () => {
    const id = randomUUID();
    for (let i = 0; i < 3; i++) assert.equal((await post('/v1/track', { userId: 'r', event: 'Retry', messageId: id })).statusCode, 200);
    const inBatch = randomUUID();
    const twice = { type: 'track', userId: 'r', event: 'Twice', messageId: inBatch };
    assert.equal((await post('/v1/batch', { batch: [twice, twice, { ...twice, event: 'Changed' }] })).statusCode, 200);
    assert.equal(
      (await post('/v1/batch', { batch: [twice, { type: 'track', userId: 'r', event: 'Retry', messageId: id }] })).statusCode,
      200,
    );
    const concurrent = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => post('/v1/track', { userId: 'r', event: 'Race', messageId: concurrent })),
    );
    assert.ok(results.every((r) => r.statusCode === 200));
    assert.equal((await stored(a.id, id)).length, 1);
    assert.equal((await stored(a.id, inBatch)).length, 1);
    assert.equal((await stored(a.id, concurrent)).length, 1);
  });

  it('de-duplicates per workspace: the same messageId in two workspaces is two events', async () => {
    const id = randomUUID();
    assert.equal((await post('/v1/track', { userId: 'x', event: 'E', messageId: id })).statusCode, 200);
    assert.equal((await post('/v1/track', { userId: 'x', event: 'E', messageId: id }, basic(b.writeKey))).statusCode, 200);
    assert.equal((await stored(a.id, id)).length, 1);
    assert.equal((await stored(b.id, id)).length, 1);
  });

  it('accepts the write key in the body (analytics.js style, text/plain) as well as Basic auth', async () => {
    const id = randomUUID();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/t',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ writeKey: a.writeKey, userId: 'w', event: 'Body Key', messageId: id }),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await stored(a.id, id)).length, 1);
  });

  it('answers 401 without a key, with an unknown key, with a revoked key, and with a personal API token', async () => {
    const cases: [Record<string, string>, unknown, string][] = [
      [{}, { userId: 'x', event: 'E' }, 'AUTH_REQUIRED'],
      [basic('nsk_unknown'), { userId: 'x', event: 'E' }, 'AUTH_INVALID_CREDENTIALS'],
      [{}, { writeKey: 'nsk_unknown', userId: 'x', event: 'E' }, 'AUTH_INVALID_CREDENTIALS'],
      [basic(a.admin.token), { userId: 'x', event: 'E' }, 'AUTH_INVALID_CREDENTIALS'],
      [{ authorization: `Bearer ${a.writeKey}` }, { userId: 'x', event: 'E' }, 'AUTH_REQUIRED'],
    ];
    for (const [headers, payload, code] of cases) {
      const res = await post('/v1/track', payload, headers);
      assert.equal(res.statusCode, 401, res.body);
      assert.equal(res.json().error.code, code);
    }
    const revoked = await t.services.apiKeys.createWriteKey(a.id, 'to revoke');
    await t.services.apiKeys.revoke(a.id, 'write_key', revoked.key.id);
    const res = await post('/v1/batch', { batch: [{ type: 'track', userId: 'x', event: 'E' }] }, basic(revoked.secret));
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'AUTH_TOKEN_REVOKED');
  });

  it('stops accepting a key that was in use once it is revoked (after the 10 s verification cache)', async () => {
    const key = await t.services.apiKeys.createWriteKey(a.id, 'in use');
    assert.equal((await post('/v1/track', { userId: 'x', event: 'E' }, basic(key.secret))).statusCode, 200);
    await t.services.apiKeys.revoke(a.id, 'write_key', key.key.id);
    clock.advance(10_001);
    const res = await post('/v1/track', { userId: 'x', event: 'E' }, basic(key.secret));
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'AUTH_TOKEN_REVOKED');
  });

  it("writes with workspace A's key only into A, whatever the body claims", async () => {
    const id = randomUUID();
    const res = await post('/v1/batch', {
      writeKey: b.writeKey,
      workspaceId: b.id,
      batch: [{ type: 'track', userId: 'iso', event: 'Mine', messageId: id, workspaceId: b.id }],
    });
    assert.equal(res.statusCode, 200);
    assert.equal((await stored(a.id, id)).length, 1);
    assert.equal((await stored(b.id, id)).length, 0);
  });

  it('answers 400 naming the 32 KB limit for a big event and the 500 KB limit for a big request', async () => {
    const big = { userId: 'x', event: 'Big', properties: { blob: 'x'.repeat(33 * 1024) } };
    const single = await post('/v1/track', big);
    assert.equal(single.statusCode, 400);
    assert.match(single.json().error.message, /32 KB/);
    const huge = {
      batch: Array.from({ length: 20 }, () => ({ type: 'track', userId: 'x', event: 'E', properties: { s: 'y'.repeat(30 * 1024) } })),
    };
    const batch = await post('/v1/batch', huge);
    assert.equal(batch.statusCode, 400);
    assert.match(batch.json().error.message, /500 KB/);
    const gzipped = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...basic(a.writeKey) },
      payload: gzipSync(JSON.stringify(huge)),
    });
    assert.equal(gzipped.statusCode, 400, 'the limit applies after decompression');
    assert.match(gzipped.json().error.message, /500 KB/);
  });

  it('accepts a gzip-encoded body', async () => {
    const id = randomUUID();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...basic(a.writeKey) },
      payload: gzipSync(JSON.stringify({ batch: [{ type: 'track', userId: 'gz', event: 'Zipped', messageId: id }] })),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await stored(a.id, id)).length, 1);
  });

  it("corrects the client's clock skew: timestamp = receivedAt − (sentAt − timestamp)", async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const now = clock.now().getTime();
    // The device clock is 2 hours fast; the event happened 5 s before it was sent.
    const res = await post('/v1/batch', {
      sentAt: new Date(now + 7_200_000).toISOString(),
      batch: [
        { type: 'track', userId: 'c', event: 'Skewed', messageId: ids[0], timestamp: new Date(now + 7_195_000).toISOString() },
        { type: 'track', userId: 'c', event: 'Original', messageId: ids[1], originalTimestamp: new Date(now + 7_190_000).toISOString() },
        { type: 'track', userId: 'c', event: 'No time', messageId: ids[2] },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const at = async (id: string) => new Date((await stored(a.id, id))[0]!.timestamp as string).getTime();
    assert.equal(await at(ids[0]!), now - 5_000);
    assert.equal(await at(ids[1]!), now - 10_000);
    assert.equal(await at(ids[2]!), now);
    const historical = randomUUID();
    await post('/v1/track', { userId: 'c', event: 'Import', messageId: historical, timestamp: '2024-03-01T10:00:00Z' });
    assert.equal(await at(historical), Date.parse('2024-03-01T10:00:00Z'), 'without sentAt the timestamp is kept');
  });

  it('stores the valid events of a batch and reports the invalid ones by index and reason', async () => {
    const good = [randomUUID(), randomUUID()];
    const res = await post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'p', event: 'Ok', messageId: good[0] },
        { type: 'track', userId: 'p', messageId: randomUUID() },
        { type: 'track', event: 'No user', messageId: randomUUID() },
        { type: 'teleport', userId: 'p', messageId: randomUUID() },
        { type: 'group', userId: 'p', messageId: randomUUID() },
        { type: 'alias', userId: 'p', messageId: randomUUID() },
        'not an object',
        { type: 'identify', userId: 'p', messageId: good[1], timestamp: 'yesterday' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { success: boolean; rejected: { index: number; reason: string }[] };
    assert.equal(body.success, true);
    assert.deepEqual(
      body.rejected.map((r) => r.index),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.match(body.rejected[0]!.reason, /event is required/);
    assert.match(body.rejected[1]!.reason, /userId or anonymousId/);
    assert.match(body.rejected[3]!.reason, /groupId is required/);
    assert.match(body.rejected[4]!.reason, /previousId is required/);
    assert.match(body.rejected[6]!.reason, /timestamp/);
    assert.equal((await stored(a.id, good[0]!)).length, 1);
    const none = await post('/v1/batch', { batch: [{ type: 'track' }] });
    assert.equal(none.statusCode, 400, 'a batch with nothing valid is a bad request');
    assert.equal(none.json().error.details[0].field, 'batch.0');
  });

  it('group creates an unknown account from its traits and links the user; track is credited to that account', async () => {
    const groupId = `crm-${randomUUID()}`;
    const res = await post('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'alice', traits: { email: 'alice@example.com' } },
        {
          type: 'group',
          userId: 'alice',
          groupId,
          traits: { name: 'Acme Corp', plan: 'enterprise', seats: 40, employees: 1200, website: 'https://www.acme.test' },
        },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const { rows: accounts } = await t.database.query(
      'SELECT id::text AS id, name, plan, licensed_seats, employees, domain FROM accounts WHERE workspace_id = $1 AND external_id = $2',
      [a.id, groupId],
    );
    assert.equal(accounts.length, 1);
    assert.deepEqual(
      { ...accounts[0], id: undefined },
      { id: undefined, name: 'Acme Corp', plan: 'enterprise', licensed_seats: 40, employees: 1200, domain: 'acme.test' },
    );
    const accountId = accounts[0]!.id as string;
    const { rows: users } = await t.database.query(
      'SELECT account_id::text AS account_id, traits FROM usage_users WHERE workspace_id = $1 AND user_id = $2',
      [a.id, 'alice'],
    );
    assert.equal(users[0]!.account_id, accountId);
    assert.deepEqual(users[0]!.traits, { email: 'alice@example.com' });

    const viaUser = randomUUID();
    const viaContext = randomUUID();
    const other = await t.services.accounts.createAccount(a.id, { name: 'Other', externalId: `crm-other-${randomUUID()}` });
    await post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'alice', event: 'Report Shared', messageId: viaUser },
        { type: 'track', userId: 'alice', event: 'Report Shared', messageId: viaContext, context: { groupId: other.externalId } },
      ],
    });
    assert.equal((await stored(a.id, viaUser))[0]!.account_id, accountId);
    assert.equal((await stored(a.id, viaContext))[0]!.account_id, other.id);

    // A second group call fills only what the account lacks: the CRM's data is kept.
    await post('/v1/group', { userId: 'bob', groupId, traits: { name: 'Renamed', plan: 'free', industry: 'Retail' } });
    const { rows: after } = await t.database.query('SELECT name, plan, industry FROM accounts WHERE id = $1', [accountId]);
    assert.deepEqual(after[0], { name: 'Acme Corp', plan: 'enterprise', industry: 'Retail' });
    const anonymous = randomUUID();
    await post('/v1/track', { anonymousId: 'nobody', event: 'Visited', messageId: anonymous });
    assert.equal((await stored(a.id, anonymous))[0]!.account_id, null, 'an event with no known account is stored anyway');
  });

  it('links a group call to an account imported with the same external id', async () => {
    const account = await t.services.accounts.createAccount(a.id, { name: 'Imported Ltd', externalId: `sf-${randomUUID()}` });
    await post('/v1/group', { userId: 'carol', groupId: account.externalId, traits: { name: 'Other Name' } });
    const { rows } = await t.database.query('SELECT account_id::text AS a FROM usage_users WHERE workspace_id = $1 AND user_id = $2', [
      a.id,
      'carol',
    ]);
    assert.equal(rows[0]!.a, account.id);
    const { rows: count } = await t.database.query('SELECT count(*)::int AS n FROM accounts WHERE workspace_id = $1 AND external_id = $2', [
      a.id,
      account.externalId,
    ]);
    assert.equal(count[0]!.n, 1);
  });

  it('refuses forms and unknown encodings with 415, and a body that is not a JSON object with 400', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic(a.writeKey) },
      payload: 'a=1',
    });
    assert.equal(form.statusCode, 415);
    const brotli = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      headers: { 'content-type': 'application/json', 'content-encoding': 'br', ...basic(a.writeKey) },
      payload: '{}',
    });
    assert.equal(brotli.statusCode, 415);
    for (const payload of ['[]', 'null', '"x"', '{"userId":', '']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/track',
        headers: { 'content-type': 'application/json', ...basic(a.writeKey) },
        payload,
      });
      assert.equal(res.statusCode, 400, payload);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
  });
});
