import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasFilters, parseListState, toFilterQuery, toSearchString } from '../accounts/account-query';
import { listStateToFilterJson } from '../segments/filter-builder-model';

// The accounts list's band filter lives in the URL like the other filters and reaches the API as
// a metric.healthBand filter expression (docs/health-scores.md).
describe('account list health band filter', () => {
  it('keeps the chosen bands in the URL and drops unknown ones', () => {
    const state = parseListState(new URLSearchParams('healthBand=red&healthBand=purple&healthBand=yellow'));
    assert.deepEqual(state.healthBand, ['red', 'yellow']);
    assert.equal(hasFilters(state), true);
    assert.equal(toSearchString(state), 'healthBand=red&healthBand=yellow');
  });

  it('sends the bands as a filter expression, and no expression without a band', () => {
    const state = parseListState(new URLSearchParams('healthBand=red&tier=S'));
    assert.deepEqual(JSON.parse(String(toFilterQuery(state).filter)), {
      op: 'and',
      conditions: [{ field: 'metric.healthBand', operator: 'in', value: ['red'] }],
    });
    assert.equal(toFilterQuery(parseListState(new URLSearchParams('tier=S'))).filter, undefined);
  });

  it('saves the band filter with the rest when the list becomes a segment', () => {
    const json = listStateToFilterJson(parseListState(new URLSearchParams('healthBand=green&tier=A')));
    assert.deepEqual(json.conditions, [
      { field: 'tier', operator: 'in', value: ['A'] },
      { field: 'metric.healthBand', operator: 'in', value: ['green'] },
    ]);
  });
});
