import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, normaliseHeader } from './import-fields';
import { resolveColumns, type CustomFieldDef } from './resolve-columns';

const keysOf = (result: ReturnType<typeof resolveColumns>) => result.columns.map((c) => c.field?.key ?? null);
const csm: CustomFieldDef = { key: 'onboarding_manager', label: 'Onboarding manager', type: 'text', options: [] };

describe('normaliseHeader', () => {
  it('ignores case, spaces, underscores and dashes', () => {
    for (const h of ['external_id', 'External ID', 'externalId', 'EXTERNAL-ID', ' external id ']) assert.equal(normaliseHeader(h), 'externalid');
  });
});

describe('resolveColumns', () => {
  it('recognises English and Chinese aliases', () => {
    const result = resolveColumns(['External ID', 'Account Name', 'ARR', 'Renewal Date', '行业', '续费日期', '客户名称'], ACCOUNT_FIELDS, [], []);
    assert.deepEqual(keysOf(result).slice(0, 5), ['externalId', 'name', 'arr', 'renewalDate', 'industry']);
    // 续费日期 and 客户名称 fill fields already taken: both columns are named in the problem.
    assert.equal(result.problems.length, 2);
    assert.match(result.problems[0]!.message, /"Renewal Date" and "续费日期" both fill renewal_date/);
  });
  it('reads the contacts headers, including the account link', () => {
    const result = resolveColumns(['Account External ID', '客户外部ID2', 'Email'], CONTACT_FIELDS, [], ['客户外部ID2=-']);
    assert.deepEqual(keysOf(result), ['accountExternalId', null, 'email']);
    assert.deepEqual(result.problems, []);
  });
  it('names unknown columns and tells how to map or ignore them', () => {
    const result = resolveColumns(['name', 'Favourite colour', ''], ACCOUNT_FIELDS, [], []);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.column, 'Favourite colour');
    assert.match(result.problems[0]!.message, /unknown column "Favourite colour".*--map "Favourite colour=field".*"Favourite colour=-"/);
  });
  it('applies an explicit mapping, ignores with col= or col=-, and maps custom fields', () => {
    const result = resolveColumns(['Kunde', 'Notizen', 'Intern', 'OM'], ACCOUNT_FIELDS, [csm], ['Kunde=name', 'Notizen=', 'Intern=-', 'OM=custom.onboarding_manager']);
    assert.deepEqual(keysOf(result), ['name', null, null, 'custom.onboarding_manager']);
    assert.deepEqual(result.problems, []);
  });
  it('recognises custom.<key> headers and custom field labels without a mapping', () => {
    assert.deepEqual(keysOf(resolveColumns(['custom.onboarding_manager'], ACCOUNT_FIELDS, [csm], [])), ['custom.onboarding_manager']);
    assert.deepEqual(keysOf(resolveColumns(['Onboarding Manager'], ACCOUNT_FIELDS, [csm], [])), ['custom.onboarding_manager']);
  });
  it('reports a mapping to an unknown field or a missing column', () => {
    const result = resolveColumns(['name'], ACCOUNT_FIELDS, [], ['name=colour', 'Missing=arr', 'custom.nope', 'name=custom.nope']);
    const messages = result.problems.map((p) => p.message).join('\n');
    assert.match(messages, /unknown field "colour"/);
    assert.match(messages, /"Missing=arr" names a column that is not in the file/);
    assert.match(messages, /must look like column=field/);
    assert.match(messages, /no custom field has that key/);
  });
});
