import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkServerVersion, DatabaseTooOldError } from './migrate';

describe('checkServerVersion', () => {
  it('refuses PostgreSQL 12 with a message naming the version needed and the one found', () => {
    assert.throws(
      () => checkServerVersion(120_017, '12.17'),
      (error: unknown) =>
        error instanceof DatabaseTooOldError &&
        /PostgreSQL 13 or newer/.test(error.message) &&
        /runs PostgreSQL 12\.17/.test(error.message),
    );
  });

  it('accepts PostgreSQL 13 and later', () => {
    assert.doesNotThrow(() => checkServerVersion(130_000, '13.0'));
    assert.doesNotThrow(() => checkServerVersion(150_019, '15.19 (Debian 15.19-0+deb12u1)'));
  });
});
