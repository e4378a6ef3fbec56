import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvDate, parseCsvTimestamp } from './parse-csv-date';

const date = (raw: string, format: 'auto' | 'ymd' | 'mdy' | 'dmy' = 'auto') => {
  const parsed = parseCsvDate(raw, format);
  return parsed.ok ? parsed.date : `error: ${parsed.message}`;
};

describe('parseCsvDate', () => {
  it('reads ISO dates, with or without a time, without shifting the day', () => {
    assert.equal(date('2025-03-31'), '2025-03-31');
    assert.equal(date('2025-03-31T23:30:00-08:00'), '2025-03-31');
    assert.equal(date('2025-03-31 09:15'), '2025-03-31');
    assert.equal(date('2025年3月31日'), '2025-03-31');
  });
  it('rejects days that do not exist, in every format', () => {
    assert.equal(date('31/02/2025'), 'error: "31/02/2025" is not a date');
    assert.equal(date('2025-02-29'), 'error: "2025-02-29" is not a date');
    assert.equal(date('2/30/2025', 'mdy'), 'error: "2/30/2025" is not a date');
    assert.equal(date('2024-02-29'), '2024-02-29');
  });
  it('reads unambiguous slash dates in auto mode', () => {
    assert.equal(date('31/03/2025'), '2025-03-31');
    assert.equal(date('3/31/2025'), '2025-03-31');
    assert.equal(date('04/04/2025'), '2025-04-04');
    assert.equal(date('2025/3/31'), '2025-03-31');
  });
  it('refuses an ambiguous slash date in auto mode and says how to fix it', () => {
    const parsed = parseCsvDate('03/04/2025', 'auto');
    assert.equal(parsed.ok, false);
    assert.match((parsed as { message: string }).message, /ambiguous.*--date-format dmy or mdy/);
  });
  it('follows an explicit format', () => {
    assert.equal(date('03/04/2025', 'mdy'), '2025-03-04');
    assert.equal(date('03/04/2025', 'dmy'), '2025-04-03');
    assert.equal(date('31/03/2025', 'mdy'), 'error: "31/03/2025" is not a date');
    assert.equal(date('2025/04/03', 'ymd'), '2025-04-03');
    assert.match(date('03/04/2025', 'ymd'), /not a date in the year-month-day format/);
    assert.equal(date('2025-04-03', 'dmy'), '2025-04-03');
  });
  it('rejects garbage and two-digit years', () => {
    assert.match(date('next tuesday'), /is not a date/);
    assert.match(date('3/4/25', 'mdy'), /4 digits/);
    assert.match(date('2025-13-01'), /is not a date/);
  });
});

describe('parseCsvTimestamp', () => {
  it('reads zoned times as UTC instants and bare dates as UTC midnight', () => {
    assert.deepEqual(parseCsvTimestamp('2025-03-31T08:00:00+08:00', 'auto'), { ok: true, timestamp: '2025-03-31T00:00:00.000Z' });
    assert.deepEqual(parseCsvTimestamp('2025-03-31 10:20', 'auto'), { ok: true, timestamp: '2025-03-31T10:20:00.000Z' });
    assert.deepEqual(parseCsvTimestamp('31/03/2025', 'auto'), { ok: true, timestamp: '2025-03-31T00:00:00.000Z' });
    assert.equal(parseCsvTimestamp('2025-03-31T25:00', 'auto').ok, false);
  });
});
