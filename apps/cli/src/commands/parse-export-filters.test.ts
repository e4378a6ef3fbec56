import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertExportQuery, parseExportFilters } from './parse-export-filters';

describe('parseExportFilters', () => {
  it('turns repeated filters into lists and keeps owner emails apart', () => {
    const { query, ownerEmails } = parseExportFilters(['tier=S', 'tier=A', 'stage=renewal', 'q=acme corp', 'owner=li@example.com', 'renewalFrom=2025-01-01', 'deleted=true']);
    assert.deepEqual(query, { tier: ['S', 'A'], stage: ['renewal'], q: 'acme corp', renewalFrom: '2025-01-01', deleted: true });
    assert.deepEqual(ownerEmails, ['li@example.com']);
  });
  it('names an unknown or malformed filter', () => {
    assert.throws(() => parseExportFilters(['colour=red']), /unknown filter "colour"/);
    assert.throws(() => parseExportFilters(['tier']), /"tier" must look like key=value/);
  });
});

describe('assertExportQuery', () => {
  it('refuses what the API refuses, naming the filter', () => {
    assert.throws(() => assertExportQuery({ tier: ['X'] }), /tier must be one of S, A, B, C/);
    assert.throws(() => assertExportQuery({ renewalFrom: '31/12/2025' }), /renewalFrom/);
    assert.deepEqual(assertExportQuery({ tier: ['S'] }), { tier: ['S'] });
  });
});
