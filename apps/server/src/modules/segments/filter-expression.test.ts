import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFilterFieldCatalogue, isFilterGroup } from './filter-expression';

describe('buildFilterFieldCatalogue', () => {
  const catalogue = buildFilterFieldCatalogue([
    { key: 'support_plan', type: 'select', options: ['basic', 'premium'] },
    { key: 'go_live', type: 'date', options: [] },
  ]);

  it('offers columns, custom fields and metrics with the operators of their type', () => {
    assert.deepEqual(catalogue.get('arr'), {
      name: 'arr',
      source: 'column',
      type: 'number',
      operators: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
    });
    assert.equal(catalogue.get('custom.go_live')?.type, 'date');
    assert.equal(catalogue.get('metric.daysToRenewal')?.source, 'metric');
  });

  it('turns select custom fields into enums with their options', () => {
    const field = catalogue.get('custom.support_plan');
    assert.deepEqual([field?.type, field?.options], ['enum', ['basic', 'premium']]);
  });

  it('types tier, stage and health band as enums', () => {
    assert.deepEqual(catalogue.get('tier')?.options, ['S', 'A', 'B', 'C']);
    assert.equal(catalogue.get('lifecycleStage')?.options?.length, 7);
    assert.deepEqual(catalogue.get('metric.healthBand')?.options, ['red', 'yellow', 'green']);
  });
});

describe('isFilterGroup', () => {
  it('tells groups from conditions', () => {
    assert.equal(isFilterGroup({ op: 'or', conditions: [] }), true);
    assert.equal(isFilterGroup({ field: 'arr', operator: 'isEmpty' }), false);
  });
});
