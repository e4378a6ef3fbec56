import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDays, formatRate, problemRateTone, sortByConcern, topSkipReasons } from './sop-view-model';

describe('SOP view model', () => {
  it('formats shares and days, with a dash when there is nothing to measure', () => {
    assert.equal(formatRate(0.875), '88%');
    assert.equal(formatRate(null), '—');
    assert.equal(formatDays(2.25), '2.3');
    assert.equal(formatDays(null), '—');
  });

  it('colours a problem rate against the threshold', () => {
    assert.equal(problemRateTone(0.5, 0.4), 'red');
    assert.equal(problemRateTone(0.2, 0.4), 'amber');
    assert.equal(problemRateTone(0.1, 0.4), undefined);
    assert.equal(problemRateTone(null, 0.4), undefined);
  });

  it('keeps the three most frequent skip reasons and sums the rest', () => {
    const counts = {
      skipReasons: [
        { reason: 'b', count: 1 },
        { reason: 'a', count: 5 },
        { reason: 'c', count: 3 },
        { reason: 'd', count: 1 },
        { reason: 'e', count: 2 },
      ],
    };
    assert.deepEqual(topSkipReasons(counts), {
      reasons: [
        { reason: 'a', count: 5 },
        { reason: 'c', count: 3 },
        { reason: 'e', count: 2 },
      ],
      others: 2,
    });
  });

  it('puts playbook problems first, then people problems, worst rate first', () => {
    const row = (
      name: string,
      diagnosis: 'healthy' | 'people_problem' | 'playbook_problem' | 'insufficient_data',
      problemRate: number | null,
    ) => ({
      name,
      diagnosis,
      counts: { problemRate, started: 10 },
    });
    const sorted = sortByConcern([
      row('h', 'healthy', 0.1),
      row('p1', 'people_problem', 0.3),
      row('pb', 'playbook_problem', 0.6),
      row('p2', 'people_problem', 0.5),
    ]);
    assert.deepEqual(
      sorted.map((r) => r.name),
      ['pb', 'p2', 'p1', 'h'],
    );
  });
});
