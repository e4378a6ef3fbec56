import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateHealthEvents } from './calculate-health-events';
import type { Band } from './scorecard';

const stored = (entries: [string, number | null, Band | null][]) => new Map(entries.map(([id, score, band]) => [id, { score, band }]));

describe('calculateHealthEvents', () => {
  it('records a band change against yesterday, and a drop of at least the threshold', () => {
    const events = calculateHealthEvents(
      [
        { accountId: 'a', score: 35, band: 'red' },
        { accountId: 'b', score: 71, band: 'green' },
        { accountId: 'c', score: 80, band: 'green' },
      ],
      {
        same: new Map(),
        previous: stored([
          ['a', 52, 'yellow'],
          ['b', 72, 'green'],
          ['c', 95, 'green'],
        ]),
      },
      10,
    );
    assert.deepEqual(events, [
      { type: 'health.band_changed', accountId: 'a', payload: { from: 'yellow', to: 'red', score: 35, previousScore: 52 } },
      { type: 'health.score_changed', accountId: 'a', payload: { from: 'yellow', to: 'red', score: 35, previousScore: 52 } },
      { type: 'health.score_changed', accountId: 'c', payload: { from: 'green', to: 'green', score: 80, previousScore: 95 } },
    ]);
  });

  it('does not repeat events a recompute earlier today already recorded', () => {
    const events = calculateHealthEvents(
      [{ accountId: 'a', score: 34, band: 'red' }],
      { same: stored([['a', 35, 'red']]), previous: stored([['a', 52, 'yellow']]) },
      10,
    );
    assert.deepEqual(events, []);
  });

  it('compares a band with today’s earlier score, so moving back records the return', () => {
    const events = calculateHealthEvents(
      [{ accountId: 'a', score: 45, band: 'yellow' }],
      { same: stored([['a', 35, 'red']]), previous: stored([['a', 52, 'yellow']]) },
      10,
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.from, e.payload.to]),
      [['health.band_changed', 'red', 'yellow']],
    );
  });

  it('raises nothing for a first score, and treats losing all data as a band change to none', () => {
    assert.deepEqual(
      calculateHealthEvents([{ accountId: 'new', score: 20, band: 'red' }], { same: new Map(), previous: new Map() }, 10),
      [],
    );
    const events = calculateHealthEvents(
      [{ accountId: 'a', score: null, band: null }],
      { same: new Map(), previous: stored([['a', 60, 'yellow']]) },
      10,
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.to]),
      [['health.band_changed', null]],
    );
  });
});
