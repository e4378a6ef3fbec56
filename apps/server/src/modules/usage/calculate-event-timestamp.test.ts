import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateEventTimestamp, parseIsoDateTime } from './calculate-event-timestamp';

const receivedAt = new Date('2026-05-01T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('calculateEventTimestamp', () => {
  it('applies the sentAt − timestamp offset to the receive time (device clock 1 h fast)', () => {
    const result = calculateEventTimestamp({ timestamp: at('2026-05-01T12:59:50Z'), sentAt: at('2026-05-01T13:00:00Z'), receivedAt });
    assert.equal(result.toISOString(), '2026-05-01T11:59:50.000Z');
  });
  it('uses originalTimestamp when timestamp is absent', () => {
    const result = calculateEventTimestamp({
      originalTimestamp: at('2026-05-01T09:00:00Z'),
      sentAt: at('2026-05-01T09:00:30Z'),
      receivedAt,
    });
    assert.equal(result.toISOString(), '2026-05-01T11:59:30.000Z');
  });
  it('keeps the client time as given without sentAt, and uses the receive time without any client time', () => {
    assert.equal(calculateEventTimestamp({ timestamp: at('2020-01-01T00:00:00Z'), receivedAt }).toISOString(), '2020-01-01T00:00:00.000Z');
    assert.equal(calculateEventTimestamp({ sentAt: at('2030-01-01T00:00:00Z'), receivedAt }), receivedAt);
  });
});

describe('parseIsoDateTime', () => {
  it('reads ISO 8601 date-times with a zone, in every form the libraries send', () => {
    assert.equal(parseIsoDateTime('2026-05-01T12:00:00Z')?.toISOString(), '2026-05-01T12:00:00.000Z');
    assert.equal(parseIsoDateTime('2026-05-01T12:00:00.123456+02:00')?.toISOString(), '2026-05-01T10:00:00.123Z');
    assert.equal(parseIsoDateTime('2026-05-01T12:00:00+0530')?.toISOString(), '2026-05-01T06:30:00.000Z');
    assert.equal(parseIsoDateTime('2026-05-01 12:00Z')?.toISOString(), '2026-05-01T12:00:00.000Z');
  });
  it('refuses dates without a time or zone and impossible dates', () => {
    for (const bad of ['2026-05-01', '2026-05-01T12:00:00', 'yesterday', '2026-13-01T00:00:00Z', '', '1714564800']) {
      assert.equal(parseIsoDateTime(bad), undefined, bad);
    }
  });
});
