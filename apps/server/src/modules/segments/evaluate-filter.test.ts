import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFilter, type FilterableAccount } from './evaluate-filter';
import { buildFilterFieldCatalogue, type FilterCondition, type FilterGroup } from './filter-expression';

const today = '2026-03-01';
const catalogue = buildFilterFieldCatalogue([
  { key: 'support_plan', type: 'select', options: ['basic', 'premium'] },
  { key: 'seats_bought', type: 'number', options: [] },
]);
const account: FilterableAccount = {
  name: 'Acme Logistics',
  domain: 'acme.com',
  industry: 'Retail',
  region: null,
  plan: 'Enterprise',
  arr: 120000,
  employees: 800,
  licensedSeats: 100,
  currency: 'USD',
  renewalDate: '2026-05-15',
  contractStart: '2025-05-15',
  ownerId: '6f1c1d2e-0000-4000-8000-000000000001',
  tier: 'S',
  lifecycleStage: 'stable',
  status: 'active',
  tags: ['VIP', 'upsell'],
  customFields: { support_plan: 'premium', seats_bought: '120' },
  metrics: { health: 35, healthBand: 'red', seatUtilisation: 62 },
};
const matches = (expression: FilterGroup, subject: FilterableAccount = account) =>
  evaluateFilter(expression, subject, { catalogue, today });
const one = (condition: FilterCondition) => matches({ op: 'and', conditions: [condition] });

describe('evaluateFilter', () => {
  it('combines AND and OR groups', () => {
    const atRisk: FilterGroup = {
      op: 'and',
      conditions: [
        { field: 'tier', operator: 'in', value: ['S', 'A'] },
        {
          op: 'or',
          conditions: [
            { field: 'metric.healthBand', operator: 'eq', value: 'red' },
            { field: 'metric.seatUtilisation', operator: 'lt', value: 30 },
          ],
        },
      ],
    };
    assert.equal(matches(atRisk), true);
    assert.equal(matches(atRisk, { ...account, metrics: { healthBand: 'green', seatUtilisation: 90 } }), false);
  });

  it('compares text without case', () => {
    assert.equal(one({ field: 'industry', operator: 'eq', value: 'retail' }), true);
    assert.equal(one({ field: 'name', operator: 'contains', value: 'LOGIST' }), true);
    assert.equal(one({ field: 'name', operator: 'startsWith', value: 'acme' }), true);
  });

  it('counts a missing value as "not X" but never as equal, greater or contained', () => {
    assert.equal(one({ field: 'region', operator: 'neq', value: 'APAC' }), true);
    assert.equal(one({ field: 'region', operator: 'nin', value: ['APAC'] }), true);
    assert.equal(one({ field: 'region', operator: 'contains', value: 'a' }), false);
    assert.equal(one({ field: 'metric.activeUsers30d', operator: 'lt', value: 10 }), false);
    assert.equal(one({ field: 'region', operator: 'isEmpty' }), true);
  });

  it('matches tags as a case-insensitive set', () => {
    assert.equal(one({ field: 'tags', operator: 'hasAny', value: ['vip', 'risk'] }), true);
    assert.equal(one({ field: 'tags', operator: 'hasAll', value: ['vip', 'risk'] }), false);
    assert.equal(one({ field: 'tags', operator: 'isNotEmpty' }), true);
  });

  it('handles date windows relative to today, inclusive', () => {
    assert.equal(one({ field: 'renewalDate', operator: 'withinNextDays', value: 75 }), true);
    assert.equal(one({ field: 'renewalDate', operator: 'withinNextDays', value: 74 }), false);
    assert.equal(one({ field: 'contractStart', operator: 'withinLastDays', value: 365 }), true);
    assert.equal(one({ field: 'renewalDate', operator: 'between', value: ['2026-05-15', '2026-06-01'] }), true);
  });

  it('derives days to renewal from the renewal date when no metric is given', () => {
    assert.equal(one({ field: 'metric.daysToRenewal', operator: 'lte', value: 75 }), true);
    assert.equal(one({ field: 'metric.daysToRenewal', operator: 'lt', value: 75 }), false);
  });

  it('reads custom fields by their definition, treating a value of another type as empty', () => {
    assert.equal(one({ field: 'custom.support_plan', operator: 'eq', value: 'premium' }), true);
    assert.equal(one({ field: 'custom.seats_bought', operator: 'gt', value: 100 }), false);
    assert.equal(one({ field: 'custom.seats_bought', operator: 'isEmpty' }), true);
  });

  it('matches every account with an empty root group', () => {
    assert.equal(matches({ op: 'and', conditions: [] }), true);
  });
});
