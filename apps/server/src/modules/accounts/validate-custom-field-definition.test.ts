import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateCustomFieldDefinition } from './validate-custom-field-definition';

describe('validateCustomFieldDefinition', () => {
  it('accepts a select field with trimmed, unique options', () => {
    assert.deepEqual(validateCustomFieldDefinition({ type: 'select', options: [' basic', 'premium '] }), {
      options: ['basic', 'premium'],
      details: [],
    });
  });
  it('accepts other types without options', () => {
    assert.deepEqual(validateCustomFieldDefinition({ type: 'number' }).details, []);
  });
  it('requires options on a select field, naming options', () => {
    const [detail] = validateCustomFieldDefinition({ type: 'select', options: [] }).details;
    assert.equal(detail?.field, 'options');
  });
  it('refuses duplicate or blank options', () => {
    assert.equal(validateCustomFieldDefinition({ type: 'select', options: ['a', 'a '] }).details.length, 1);
    assert.equal(validateCustomFieldDefinition({ type: 'select', options: ['a', '  '] }).details.length, 1);
  });
  it('refuses options on a field that is not a select', () => {
    assert.match(validateCustomFieldDefinition({ type: 'text', options: ['x'] }).details[0]!.problem, /only select/);
  });
});
