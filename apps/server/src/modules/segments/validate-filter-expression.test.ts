import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFilterFieldCatalogue, FILTER_LIMITS } from './filter-expression';
import { parseFilterExpression, validateFilterExpression } from './validate-filter-expression';

const catalogue = buildFilterFieldCatalogue([
  { key: 'support_plan', type: 'select', options: ['basic', 'premium'] },
  { key: 'kickoff', type: 'date', options: [] },
]);
const problemsOf = (input: unknown) => validateFilterExpression(input, catalogue).map((p) => `${p.path}: ${p.problem}`);

describe('validateFilterExpression', () => {
  it('accepts a nested expression over columns, custom fields and metrics', () => {
    const expression = {
      op: 'and',
      conditions: [
        { field: 'arr', operator: 'gte', value: 100000 },
        {
          op: 'or',
          conditions: [
            { field: 'custom.support_plan', operator: 'in', value: ['premium'] },
            { field: 'metric.healthBand', operator: 'eq', value: 'red' },
            { field: 'renewalDate', operator: 'withinNextDays', value: 90 },
            { field: 'tags', operator: 'hasAll', value: ['vip', 'upsell'] },
            { field: 'industry', operator: 'isEmpty' },
          ],
        },
      ],
    };
    assert.deepEqual(problemsOf(expression), []);
    assert.deepEqual(parseFilterExpression(expression, catalogue).expression, expression);
  });

  it('points at the bad node with a JSON path', () => {
    const expression = {
      op: 'and',
      conditions: [
        { field: 'arr', operator: 'gte', value: 1 },
        { op: 'or', conditions: [{ field: 'arr', operator: 'gt', value: 'lots' }] },
      ],
    };
    assert.deepEqual(problemsOf(expression), ['conditions[1].conditions[0].value: must be a number']);
  });

  it('names unknown fields, disallowed operators and bad values', () => {
    assert.deepEqual(
      problemsOf({
        op: 'xor',
        conditions: [
          { field: 'custom.missing', operator: 'eq', value: 1 },
          { field: 'tags', operator: 'eq', value: 'vip' },
          { field: 'tier', operator: 'eq', value: 'D' },
          { field: 'custom.kickoff', operator: 'between', value: ['2026-03-01', '2026-02-01'] },
          { field: 'ownerId', operator: 'in', value: ['not-a-uuid'] },
          { field: 'renewalDate', operator: 'eq', value: '2026-02-30' },
          { field: 'name', operator: 'isEmpty', value: 'x' },
          { field: 'name', operator: 'contains', value: '' },
          { field: 'renewalDate', operator: 'withinLastDays', value: 1.5 },
          { field: 'arr', operator: 'in', value: [] },
          { field: 'arr', operator: 'gt', value: 1, extra: true },
          'arr > 1',
        ],
      }),
      [
        'op: must be "and" or "or"',
        'conditions[0].field: is not a filterable field',
        'conditions[1].operator: must be one of hasAny, hasAll, isEmpty, isNotEmpty for tags',
        'conditions[2].value: must be one of "S", "A", "B", "C"',
        'conditions[3].value: must have low ≤ high',
        'conditions[4].value[0]: must be a UUID',
        'conditions[5].value: must be a date YYYY-MM-DD',
        'conditions[6].value: must be left out',
        'conditions[7].value: must be text of 1 to 500 characters',
        'conditions[8].value: must be a whole number of days from 0 to 3650',
        'conditions[9].value: must be a list of 1 to 200 values',
        'conditions[10].extra: is not a known key',
        'conditions[11]: must be a condition or a group',
      ],
    );
  });

  it('allows an empty root (no filter) but not an empty nested group', () => {
    assert.deepEqual(problemsOf({ op: 'and', conditions: [] }), []);
    assert.deepEqual(problemsOf({ op: 'and', conditions: [{ op: 'or', conditions: [] }] }), [
      'conditions[0].conditions: must not be empty',
    ]);
  });

  it('refuses a root that is not a group', () => {
    assert.deepEqual(problemsOf({ field: 'arr', operator: 'gt', value: 1 }), [': must be a group { op, conditions }']);
    assert.deepEqual(parseFilterExpression(null, catalogue).problems?.length, 1);
  });

  it('limits nesting depth', () => {
    let expression: unknown = { field: 'arr', operator: 'gt', value: 1 };
    for (let i = 0; i < FILTER_LIMITS.maxDepth + 1; i += 1) expression = { op: 'and', conditions: [expression] };
    assert.deepEqual(problemsOf(expression), [
      `conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]: nests groups deeper than ${FILTER_LIMITS.maxDepth} levels`,
    ]);
  });

  it('limits the number of conditions', () => {
    const conditions = Array.from({ length: FILTER_LIMITS.maxNodes }, () => ({ field: 'arr', operator: 'gt', value: 1 }));
    assert.deepEqual(problemsOf({ op: 'and', conditions }), [`: must have at most ${FILTER_LIMITS.maxNodes} conditions and groups`]);
  });
});
