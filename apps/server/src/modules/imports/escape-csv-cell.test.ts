import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeCsvCell } from './escape-csv-cell';

describe('escapeCsvCell', () => {
  it('prefixes a quote to cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) assert.equal(escapeCsvCell(cell), `'${cell}`);
  });
  it('leaves ordinary text, Chinese and inner symbols alone', () => {
    for (const cell of ['Acme', '北极星客户', 'a=b', 'x-y', '']) assert.equal(escapeCsvCell(cell), cell);
  });
});
