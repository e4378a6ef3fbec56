import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarDate, mergeCustomFieldValues, validateCustomFieldValues, type CustomFieldRule } from './validate-custom-field-values';

const rules: CustomFieldRule[] = [
  { key: 'notes', type: 'text', options: [] },
  { key: 'seats_used', type: 'number', options: [] },
  { key: 'kickoff', type: 'date', options: [] },
  { key: 'is_reference', type: 'boolean', options: [] },
  { key: 'support_plan', type: 'select', options: ['basic', 'premium'] },
];

describe('validateCustomFieldValues', () => {
  it('accepts a value of the right type for every kind of field', () => {
    const details = validateCustomFieldValues(
      { notes: 'hi', seats_used: 12.5, kickoff: '2026-02-28', is_reference: false, support_plan: 'premium' },
      rules,
    );
    assert.deepEqual(details, []);
  });

  it('accepts null for a defined key, meaning remove it', () => {
    assert.deepEqual(validateCustomFieldValues({ notes: null, support_plan: null }, rules), []);
  });

  it('names an unknown key', () => {
    const [detail] = validateCustomFieldValues({ colour: 'red' }, rules);
    assert.equal(detail?.field, 'customFields.colour');
  });

  it('names each mismatched value with the expected type', () => {
    const details = validateCustomFieldValues(
      { notes: 3, seats_used: '12', kickoff: '2026-02-30', is_reference: 'yes', support_plan: 'gold' },
      rules,
    );
    assert.deepEqual(
      details.map((d) => [d.field, d.problem]),
      [
        ['customFields.notes', 'must be a string'],
        ['customFields.seats_used', 'must be a number'],
        ['customFields.kickoff', 'must be a date YYYY-MM-DD'],
        ['customFields.is_reference', 'must be true or false'],
        ['customFields.support_plan', 'must be one of "basic", "premium"'],
      ],
    );
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2025-02-29'), false);
    assert.equal(isCalendarDate('2025-13-01'), false);
    assert.equal(isCalendarDate('2025-1-01'), false);
    assert.equal(isCalendarDate('2025-01-01T00:00:00Z'), false);
  });
});

describe('mergeCustomFieldValues', () => {
  it('replaces given keys, removes null ones and keeps the rest', () => {
    assert.deepEqual(mergeCustomFieldValues({ a: 1, b: 'x', c: true }, { a: 2, b: null, d: 'new' }), { a: 2, c: true, d: 'new' });
  });
});
