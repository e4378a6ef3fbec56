import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextSort, parseListState, toApiQuery, toSearchString, withFilters } from './account-query';
import { toSearchParams } from '../../api/client';

describe('account list URL state', () => {
  it('round-trips filters, sort and the cursor stack through the query string', () => {
    const search = 'q=acme&tier=S&tier=A&stage=onboarding&ownerId=u1&renewalFrom=2026-01-01&sort=-arr&cursor=c1&cursor=c2';
    const state = parseListState(new URLSearchParams(search));
    assert.deepEqual(state.tier, ['S', 'A']);
    assert.deepEqual(state.cursors, ['c1', 'c2']);
    assert.equal(toSearchString(state), search);
  });

  it('drops values the API would reject instead of sending them', () => {
    const state = parseListState(new URLSearchParams('tier=Z&stage=nope&status=active&sort=bogus&renewalTo=31/12/2026'));
    assert.deepEqual(state.tier, []);
    assert.deepEqual(state.stage, []);
    assert.deepEqual(state.status, ['active']);
    assert.equal(state.sort, 'name');
    assert.equal(state.renewalTo, '');
  });

  it('asks the API for the page of the last cursor, arrays as repeated parameters', () => {
    const state = parseListState(new URLSearchParams('tier=S&tier=B&cursor=c1&cursor=c2'));
    const params = toSearchParams(toApiQuery(state));
    assert.deepEqual(params.getAll('tier'), ['S', 'B']);
    assert.equal(params.get('cursor'), 'c2');
    assert.equal(params.get('limit'), '50');
    assert.equal(params.has('q'), false);
  });

  it('keeps several stages, statuses and owners in the URL and sends each to the API', () => {
    const search = 'stage=onboarding&stage=renewal&status=active&status=churned&ownerId=u1&ownerId=u2';
    const state = parseListState(new URLSearchParams(search));
    assert.deepEqual(
      [state.stage, state.status, state.ownerId],
      [
        ['onboarding', 'renewal'],
        ['active', 'churned'],
        ['u1', 'u2'],
      ],
    );
    assert.equal(toSearchString(state), search);
    const params = toSearchParams(toApiQuery(state));
    assert.deepEqual(
      [params.getAll('stage'), params.getAll('status'), params.getAll('ownerId')],
      [
        ['onboarding', 'renewal'],
        ['active', 'churned'],
        ['u1', 'u2'],
      ],
    );
  });

  it('returns to the first page when a filter changes', () => {
    const state = parseListState(new URLSearchParams('cursor=c1'));
    assert.deepEqual(withFilters(state, { q: 'x' }).cursors, []);
  });

  it('sorts ascending first, then descending', () => {
    assert.equal(nextSort('name', 'arr'), 'arr');
    assert.equal(nextSort('arr', 'arr'), '-arr');
    assert.equal(nextSort('-arr', 'arr'), 'arr');
  });
});
