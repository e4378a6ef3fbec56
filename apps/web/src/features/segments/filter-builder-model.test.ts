import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FilterFieldInfo } from '@northstar/contracts';
import { fromFilterJson, listStateToFilterJson, toFilterJson, updateAt, type DraftGroup } from './filter-builder-model';

const fields = new Map<string, FilterFieldInfo>([
  ['arr', { name: 'arr', type: 'number', source: 'column', operators: ['gte', 'between', 'in'] }],
  ['tags', { name: 'tags', type: 'tags', source: 'column', operators: ['hasAny', 'isEmpty'] }],
  ['renewalDate', { name: 'renewalDate', type: 'date', source: 'column', operators: ['withinNextDays'] }],
]);

describe('filter builder model', () => {
  const draft: DraftGroup = {
    kind: 'group',
    op: 'and',
    items: [
      { kind: 'condition', field: 'arr', operator: 'gte', value: ' 100000 ' },
      {
        kind: 'group',
        op: 'or',
        items: [
          { kind: 'condition', field: 'tags', operator: 'hasAny', value: 'vip, upsell' },
          { kind: 'condition', field: 'tags', operator: 'isEmpty', value: 'ignored' },
        ],
      },
      { kind: 'condition', field: 'renewalDate', operator: 'withinNextDays', value: '90' },
      { kind: 'condition', field: 'arr', operator: 'between', value: '10, 20' },
    ],
  };

  it('turns typed text into the API’s values by field type and operator', () => {
    assert.deepEqual(toFilterJson(draft, fields), {
      op: 'and',
      conditions: [
        { field: 'arr', operator: 'gte', value: 100000 },
        {
          op: 'or',
          conditions: [
            { field: 'tags', operator: 'hasAny', value: ['vip', 'upsell'] },
            { field: 'tags', operator: 'isEmpty' },
          ],
        },
        { field: 'renewalDate', operator: 'withinNextDays', value: 90 },
        { field: 'arr', operator: 'between', value: [10, 20] },
      ],
    });
  });

  it('round-trips a saved expression back into an editable draft', () => {
    const json = toFilterJson(draft, fields);
    assert.deepEqual(toFilterJson(fromFilterJson(json), fields), json);
  });

  it('saves the account list’s filters as an expression', () => {
    assert.deepEqual(
      listStateToFilterJson({
        q: ' acme ',
        tier: ['S', 'A'],
        stage: [],
        status: ['active'],
        ownerId: [],
        renewalFrom: '2026-01-01',
        renewalTo: '',
      }),
      {
        op: 'and',
        conditions: [
          {
            op: 'or',
            conditions: [
              { field: 'name', operator: 'contains', value: 'acme' },
              { field: 'domain', operator: 'contains', value: 'acme' },
            ],
          },
          { field: 'tier', operator: 'in', value: ['S', 'A'] },
          { field: 'status', operator: 'in', value: ['active'] },
          { field: 'renewalDate', operator: 'gte', value: '2026-01-01' },
        ],
      },
    );
  });

  it('edits and removes nested nodes by path', () => {
    const changed = updateAt(draft, [1, 0], (node) => ({ ...node, value: 'risk' }) as typeof node);
    assert.equal(
      (changed.items[1] as DraftGroup).items[0]!.kind === 'condition' &&
        ((changed.items[1] as DraftGroup).items[0] as { value: string }).value,
      'risk',
    );
    const removed = updateAt(draft, [0], () => null);
    assert.equal(removed.items.length, 3);
    assert.equal(draft.items.length, 4);
  });
});
