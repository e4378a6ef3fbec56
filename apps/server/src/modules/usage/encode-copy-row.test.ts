import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCopyJson, encodeCopyValue } from './encode-copy-row';

describe('COPY text encoding', () => {
  it('escapes the characters that would split a COPY row, and writes NULL as \\N', () => {
    assert.equal(encodeCopyValue('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
    assert.equal(encodeCopyValue(null), '\\N');
    assert.equal(encodeCopyValue('\\N'), '\\\\N', 'the text \\N is not a NULL');
    assert.equal(encodeCopyValue('北极星'), '北极星');
  });
  it('keeps JSON text intact, including its own escapes', () => {
    const json = JSON.stringify({ s: 'line\nbreak "quoted" \\ tab\t' });
    assert.equal(encodeCopyValue(json), json.replace(/\\/g, '\\\\'));
    assert.equal(encodeCopyJson({ s: 'line\nbreak "quoted" \\ tab\t' }), encodeCopyValue(json));
    assert.equal(encodeCopyJson(null), '\\N');
  });
});
