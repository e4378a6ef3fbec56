import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, type FieldSpec } from './import-fields';
import { parseImportCell } from './parse-import-cell';

const field = (fields: readonly FieldSpec[], key: string) => fields.find((f) => f.key === key)!.type;
const parse = (fields: readonly FieldSpec[], key: string, raw: string) => parseImportCell(field(fields, key), raw, 'auto');

describe('parseImportCell', () => {
  it('accepts friendly spellings of enums, in English and Chinese', () => {
    assert.deepEqual(parse(CONTACT_FIELDS, 'role', 'Decision Maker'), { ok: true, value: 'decision_maker' });
    assert.deepEqual(parse(CONTACT_FIELDS, 'role', '决策人'), { ok: true, value: 'decision_maker' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'tier', 's'), { ok: true, value: 'S' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'lifecycleStage', '续费期'), { ok: true, value: 'renewal' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'tier', 'Gold'), { ok: false, message: '"Gold" is not one of S, A, B or C' });
  });
  it('validates emails, money, integers and lengths as the API does', () => {
    assert.equal(parse(CONTACT_FIELDS, 'email', 'li.wei@example.com').ok, true);
    assert.deepEqual(parse(CONTACT_FIELDS, 'email', 'li.wei@'), { ok: false, message: '"li.wei@" is not an email address' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'arr', '$1,200,000.505'), { ok: true, value: 1200000.51 });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'arr', '-5'), { ok: false, message: '"-5" must not be negative' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'employees', '12.5'), { ok: false, message: '"12.5" is not a whole number' });
    assert.deepEqual(parse(CONTACT_FIELDS, 'relationshipStrength', '6'), { ok: false, message: '"6" must be between 1 and 5' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'name', 'x'.repeat(201)), { ok: false, message: 'is longer than 200 characters' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'currency', 'rmb'), { ok: true, value: 'CNY' });
  });
  it('splits tags on semicolons, once per spelling', () => {
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'tags', 'upsell; Risk；upsell ; '), { ok: true, value: ['upsell', 'Risk'] });
  });
  it('undoes the export formula guard so an exported file re-imports as it was', () => {
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'name', "'=SUM(A1)"), { ok: true, value: '=SUM(A1)' });
    assert.deepEqual(parse(ACCOUNT_FIELDS, 'name', "'quoted'"), { ok: true, value: "'quoted'" });
  });
  it('checks custom select and boolean values', () => {
    assert.deepEqual(parseImportCell({ kind: 'select', options: ['Basic', 'Premium'] }, 'premium', 'auto'), { ok: true, value: 'Premium' });
    assert.equal(parseImportCell({ kind: 'select', options: ['Basic'] }, 'Gold', 'auto').ok, false);
    assert.deepEqual(parseImportCell({ kind: 'boolean' }, '是', 'auto'), { ok: true, value: true });
    assert.equal(parseImportCell({ kind: 'boolean' }, 'maybe', 'auto').ok, false);
  });
});
