import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultScorecards } from './default-scorecards';
import { diffScorecards, summariseScorecardChanges } from './diff-scorecards';
import { toStoredScorecard } from './stored-scorecard';

const base = toStoredScorecard(defaultScorecards()[0]!);

describe('diffScorecards', () => {
  it('finds no change between a scorecard and its copy, whatever the measure order', () => {
    const reordered = { ...base, measures: [...base.measures].reverse() };
    assert.deepEqual(diffScorecards(base, reordered), []);
    assert.equal(summariseScorecardChanges([]), 'no changes');
  });

  it('ignores key order, which jsonb and hand-written files change', () => {
    const shuffled = {
      ...base,
      measures: base.measures.map((m) => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(m).reverse()))) as typeof m),
    };
    assert.deepEqual(diffScorecards(base, shuffled), []);
  });

  it('names each changed weight, added and removed measure by path', () => {
    const after = {
      ...base,
      groups: { outcome: { weight: 70 }, experience: { weight: 30 } },
      measures: [
        ...base.measures.filter((m) => m.key !== 'csat').map((m) => (m.key === 'nps' ? { ...m, weight: 40 } : m)),
        { ...base.measures.find((m) => m.key === 'csat')!, key: 'csat_support' },
      ],
    };
    const changes = diffScorecards(base, after);
    assert.deepEqual(
      changes.map((c) => [c.path, c.kind]),
      [
        ['groups.outcome.weight', 'changed'],
        ['groups.experience.weight', 'changed'],
        ['measures.csat', 'removed'],
        ['measures.nps.weight', 'changed'],
        ['measures.csat_support', 'added'],
      ],
    );
    assert.equal(
      summariseScorecardChanges(changes),
      'groups.outcome.weight 80 → 70; groups.experience.weight 20 → 30; removed measures.csat; measures.nps.weight 25 → 40; added measures.csat_support',
    );
  });

  it('reports a changed transform as one change and a first version as none', () => {
    const after = {
      ...base,
      measures: base.measures.map((m) =>
        m.key === 'csat' ? { ...m, transform: { type: 'linear' as const, direction: 'higher_is_better' as const, min: 3, max: 5 } } : m,
      ),
    };
    assert.deepEqual(
      diffScorecards(base, after).map((c) => c.path),
      ['measures.csat.transform'],
    );
    assert.equal(summariseScorecardChanges(diffScorecards(base, after)), 'measures.csat.transform changed');
    assert.deepEqual(diffScorecards(null, after), []);
  });
});
