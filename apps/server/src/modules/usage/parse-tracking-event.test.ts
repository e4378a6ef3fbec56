import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrackingEvent, type ParseResult } from './parse-tracking-event';

const receivedAt = new Date('2026-05-01T12:00:00.000Z');
const reason = (result: ParseResult) => (result.ok ? 'ok' : result.reason);

describe('parseTrackingEvent', () => {
  it('normalises a track event: numeric ids become strings, context.groupId names the account', () => {
    const result = parseTrackingEvent(
      { userId: 42, event: 'Report Shared', messageId: 'm1', properties: { a: 1 }, context: { groupId: 'acct-1' } },
      { type: 'track', receivedAt },
    );
    assert.ok(result.ok);
    assert.equal(result.event.userId, '42');
    assert.equal(result.event.groupId, 'acct-1');
    assert.equal(result.event.timestamp, receivedAt);
    assert.deepEqual(result.event.properties, { a: 1 });
  });
  it('takes the type from a batch item and merges the batch context under the event’s own', () => {
    const result = parseTrackingEvent(
      { type: 'page', anonymousId: 'a', name: 'Home', context: { ip: '10.0.0.1' } },
      { receivedAt, context: { library: { name: 'x' }, ip: 'batch' } },
    );
    assert.ok(result.ok);
    assert.equal(result.event.type, 'page');
    assert.equal(result.event.name, 'Home');
    assert.deepEqual(result.event.context, { library: { name: 'x' }, ip: '10.0.0.1' });
    assert.match(result.event.messageId, /^[0-9a-f-]{36}$/, 'a missing messageId is generated');
  });
  it('states what is missing, per type', () => {
    assert.match(reason(parseTrackingEvent({ event: 'x' }, { type: 'track', receivedAt })), /userId or anonymousId/);
    assert.match(reason(parseTrackingEvent({ userId: 'u' }, { type: 'track', receivedAt })), /event is required/);
    assert.match(reason(parseTrackingEvent({ userId: 'u' }, { type: 'group', receivedAt })), /groupId is required/);
    assert.match(reason(parseTrackingEvent({ userId: 'u' }, { type: 'alias', receivedAt })), /previousId is required/);
    assert.match(reason(parseTrackingEvent({ previousId: 'p', anonymousId: 'a' }, { type: 'alias', receivedAt })), /userId is required/);
    assert.match(reason(parseTrackingEvent({ userId: 'u' }, { receivedAt })), /type is required/);
    assert.match(reason(parseTrackingEvent({ type: 'purchase', userId: 'u' }, { receivedAt })), /type must be one of/);
  });
  it('refuses wrong types, unstorable strings, deep nesting and events over 32 KB', () => {
    const cases: [unknown, RegExp][] = [
      [[], /JSON object/],
      [{ userId: { id: 1 } }, /userId must be a string/],
      [{ userId: 'u', properties: [1] }, /properties must be an object/],
      [{ userId: 'u', timestamp: 1714564800 }, /timestamp must be an ISO 8601/],
      [{ userId: 'u', timestamp: '1850-01-01T00:00:00Z' }, /outside the years/],
      [{ userId: 'u', properties: { s: 'a\u0000b' } }, /NUL/],
      [{ userId: 'u', properties: { s: '\ud800' } }, /surrogate/],
      [{ userId: 'u', traits: { ['\udc00']: 1 } }, /surrogate/],
      [{ userId: 'u', properties: { s: 'x'.repeat(33_000) } }, /32 KB/],
    ];
    for (const [raw, expected] of cases) assert.match(reason(parseTrackingEvent(raw, { type: 'identify', receivedAt })), expected);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    assert.match(reason(parseTrackingEvent({ userId: 'u', properties: deep }, { type: 'identify', receivedAt })), /nesting/);
    assert.equal(
      reason(parseTrackingEvent({ userId: 'u', properties: { emoji: '😀', zh: '北极星' } }, { type: 'identify', receivedAt })),
      'ok',
    );
  });
  it('corrects clock skew with the batch-level sentAt', () => {
    const result = parseTrackingEvent(
      { userId: 'u', timestamp: '2026-05-01T14:00:00Z' },
      { type: 'identify', receivedAt, sentAt: '2026-05-01T14:00:10Z' },
    );
    assert.ok(result.ok);
    assert.equal(result.event.timestamp.toISOString(), '2026-05-01T11:59:50.000Z');
    assert.equal(result.event.originalTimestamp?.toISOString(), '2026-05-01T14:00:00.000Z');
  });
});
