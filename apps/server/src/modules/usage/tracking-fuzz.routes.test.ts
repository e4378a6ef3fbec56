import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { testEngine } from '../../testing/test-database';

const SINGLE = [
  '/v1/track',
  '/v1/identify',
  '/v1/group',
  '/v1/page',
  '/v1/screen',
  '/v1/alias',
  '/v1/t',
  '/v1/i',
  '/v1/g',
  '/v1/p',
  '/v1/s',
  '/v1/a',
];
const BATCH = ['/v1/batch', '/batch', '/v1/b', '/v1/import'];
const ENDPOINTS = [...SINGLE, ...BATCH];
const TYPE_OF: Record<string, string> = { t: 'track', i: 'identify', g: 'group', p: 'page', s: 'screen', a: 'alias' };

function typeOf(url: string): string {
  const last = url.split('/').pop()!;
  return TYPE_OF[last] ?? last;
}

/** A valid event for the endpoint's type, to be corrupted in exactly one way. */
function validEvent(type: string): Record<string, unknown> {
  return { type, userId: 'fuzz-user', event: 'Fuzzed', groupId: 'fuzz-group', previousId: 'fuzz-prev', messageId: 'fuzz-msg' };
}

const notAString = fc.oneof(
  fc.integer().map((n) => ({ n })),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant({}),
);
const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }));
const badTime = fc.oneof(
  fc.string({ maxLength: 30 }).filter((s) => !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)),
  fc.integer(),
  fc.constant('2024-13-45T99:99:99Z'),
  fc.constant('2024-01-01'),
);
const deep = fc.integer({ min: 70, max: 3000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});

/** One corruption of an otherwise valid event: a wrong type, a missing id, a huge or unstorable value. */
const corruption: fc.Arbitrary<(event: Record<string, unknown>) => void> = fc.oneof(
  notAString.map((v) => (e: Record<string, unknown>) => void (e.userId = v)),
  notAString.map((v) => (e: Record<string, unknown>) => void (e.messageId = v)),
  fc.constant((e: Record<string, unknown>) => {
    delete e.userId;
    delete e.anonymousId;
  }),
  notAnObject.map((v) => (e: Record<string, unknown>) => void (e.properties = v)),
  notAnObject.map((v) => (e: Record<string, unknown>) => void (e.context = v)),
  notAnObject.map((v) => (e: Record<string, unknown>) => void (e.traits = v)),
  badTime.map((v) => (e: Record<string, unknown>) => void (e.timestamp = v)),
  badTime.map((v) => (e: Record<string, unknown>) => void (e.sentAt = v)),
  fc.integer({ min: 33 * 1024, max: 200 * 1024 }).map((n) => (e: Record<string, unknown>) => void (e.properties = { s: 'x'.repeat(n) })),
  fc.integer({ min: 1025, max: 5000 }).map((n) => (e: Record<string, unknown>) => void (e.userId = 'u'.repeat(n))),
  deep.map((v) => (e: Record<string, unknown>) => void (e.properties = { v })),
  fc.constantFrom('\u0000', '\ud800', 'a\udc00b').map((s) => (e: Record<string, unknown>) => void (e.properties = { s })),
  fc.constantFrom('\u0000', '\udbff').map((s) => (e: Record<string, unknown>) => void (e.traits = { [`k${s}`]: 1 })),
);

type Res = { statusCode: number; body: string; json: () => unknown };

function assert4xx(res: Res, what: string): void {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: expected a 4xx, got ${res.statusCode} ${res.body.slice(0, 300)}`);
  const body = res.json() as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  assert.equal(typeof body.error?.code, 'string', `${what}: no error code in ${res.body.slice(0, 300)}`);
  assert.ok(typeof body.error?.message === 'string' && body.error.message.length > 0, `${what}: no message`);
  assert.ok(Array.isArray(body.error?.details), `${what}: no details`);
}

describe(`tracking API under malformed payloads on ${testEngine()}`, () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let auth: Record<string, string>;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Fuzz Co');
    auth = { authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString('base64')}` };
  });
  after(() => t.close());

  const send = (url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...auth, ...headers }, payload });

  it('answers 4xx with the error shape to an event corrupted in any one way, on every endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), corruption, fc.boolean(), async (url, corrupt, gzip) => {
        const isBatch = BATCH.includes(url);
        const event = validEvent(isBatch ? 'track' : typeOf(url));
        corrupt(event);
        const text = JSON.stringify(isBatch ? { batch: [event] } : event);
        const res = gzip ? await send(url, gzipSync(text), { 'content-encoding': 'gzip' }) : await send(url, text);
        assert4xx(res, `${url} ${text.slice(0, 120)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('answers 4xx to bodies that are not a JSON object: random bytes, bad UTF-8, bad gzip, wrong shapes', async () => {
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((b) => ({ payload: Buffer.from(b), headers: {} })),
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => ({ payload: Buffer.from(b), headers: { 'content-encoding': 'gzip' } })),
      fc
        .constantFrom(
          Buffer.from([0x7b, 0x22, 0x75, 0x73, 0x65, 0x72, 0x49, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          Buffer.from('{"userId":"\xc3\x28"}', 'latin1'),
        )
        .map((payload) => ({ payload, headers: {} })),
      fc
        .oneof(
          fc.constant('null'),
          fc.constant('[]'),
          fc.integer().map(String),
          fc.string().map((s) => JSON.stringify(s)),
        )
        .map((s) => ({ payload: Buffer.from(s), headers: {} })),
      fc
        .constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'image/png')
        .map((type) => ({
          payload: Buffer.from('{"userId":"u","event":"e"}'),
          headers: { 'content-type': type },
        })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), bodies, async (url, { payload, headers }) => {
        // Random bytes can spell a valid event by chance only for single endpoints; never here.
        const res = await send(url, payload, headers);
        if (res.statusCode === 200) {
          assert.ok(!BATCH.includes(url), 'a random body was accepted as a batch');
          return;
        }
        assert4xx(res, `${url} ${payload.toString('hex').slice(0, 80)}`);
      }),
      { numRuns: 120 },
    );
  });

  it('answers 4xx to batches of the wrong shape', async () => {
    const shapes = fc.oneof(
      notAnObject.map((batch) => ({ batch })),
      fc.constant({ batch: [] }),
      fc.constant({}),
      fc.array(notAnObject, { minLength: 1, maxLength: 5 }).map((batch) => ({ batch })),
      notAnObject.map((sentAt) => ({ batch: [{ type: 'track', userId: 'u', event: 'e' }], sentAt })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BATCH), shapes, async (url, body) => {
        const res = await send(url, JSON.stringify(body));
        assert4xx(res, `${url} ${JSON.stringify(body).slice(0, 120)}`);
      }),
      { numRuns: 60 },
    );
  });

  it('stored none of the malformed events and still answers /healthz', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    const { rows } = await t.database.query('SELECT count(*)::int AS n FROM usage_events WHERE workspace_id = $1', [ws.id]);
    assert.equal(rows[0]!.n, 0);
    const ok = await send('/v1/track', JSON.stringify({ userId: 'after', event: 'Still Works' }));
    assert.equal(ok.statusCode, 200, ok.body);
  });
});
