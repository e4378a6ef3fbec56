import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePgSnapshot } from './parse-pg-snapshot';

describe('parsePgSnapshot', () => {
  it('reads xmin, xmax and the transactions in progress', () => {
    assert.deepEqual(parsePgSnapshot('2962:2970:2962,2965'), { xmin: '2962', xmax: '2970', inProgress: ['2962', '2965'] });
  });

  it('reads a snapshot with nothing in progress', () => {
    assert.deepEqual(parsePgSnapshot('753:753:'), { xmin: '753', xmax: '753', inProgress: [] });
  });

  it('keeps 64-bit ids past the first wraparound exactly', () => {
    assert.deepEqual(parsePgSnapshot('4294967396:4294967400:4294967397'), {
      xmin: '4294967396',
      xmax: '4294967400',
      inProgress: ['4294967397'],
    });
  });

  it('refuses anything else', () => {
    assert.throws(() => parsePgSnapshot('12:x:'), /not a pg_snapshot/);
    assert.throws(() => parsePgSnapshot(''), /not a pg_snapshot/);
  });
});
