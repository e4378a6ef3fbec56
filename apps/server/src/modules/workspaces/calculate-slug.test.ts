import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateSlug, isValidTimezone } from './calculate-slug';

describe('calculateSlug', () => {
  it('lowercases and joins words with dashes', () => {
    assert.equal(calculateSlug('Acme Corp (EU)'), 'acme-corp-eu');
  });
  it('drops accents', () => {
    assert.equal(calculateSlug('Société Générale'), 'societe-generale');
  });
  it('falls back when nothing is left, as for a Chinese-only name', () => {
    assert.equal(calculateSlug('北极星'), 'workspace');
  });
});

describe('isValidTimezone', () => {
  it('accepts IANA zones and rejects made-up ones', () => {
    assert.equal(isValidTimezone('Asia/Shanghai'), true);
    assert.equal(isValidTimezone('Mars/Olympus'), false);
  });
});
