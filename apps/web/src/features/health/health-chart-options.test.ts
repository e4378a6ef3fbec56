import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildBandChurnOption, buildBandDistributionOption, buildTrendOption } from './health-chart-options';

type Series = {
  name: string;
  type: string;
  stack?: string;
  data: unknown[];
  markArea?: { data: [{ yAxis: number }, { yAxis: number }][] };
};
const seriesOf = (option: { series?: unknown }) => option.series as Series[];

describe('health chart options', () => {
  const labels = { score: 'Score', outcome: 'CO', experience: 'CX' };

  it('draws the score with CO and CX, leaving days without data as gaps', () => {
    const option = buildTrendOption(
      [
        { date: '2026-05-01', score: 71.26, outcome: 80, experience: 40 },
        { date: '2026-05-02', score: null, outcome: null, experience: null },
      ],
      { red: 40, yellow: 70 },
      labels,
    );
    const series = seriesOf(option);
    assert.deepEqual(
      series.map((s) => [s.name, s.data]),
      [
        ['Score', [71.3, null]],
        ['CO', [80, null]],
        ['CX', [40, null]],
      ],
    );
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['05-01', '05-02']);
  });

  it('shades the red, yellow and green bands at the workspace thresholds', () => {
    const option = buildTrendOption([], { red: 35, yellow: 65 }, labels);
    const areas = seriesOf(option)[0]!.markArea!.data.map(([from, to]) => [from.yAxis, to.yAxis]);
    assert.deepEqual(areas, [
      [0, 35],
      [35, 65],
      [65, 100],
    ]);
  });

  it('stacks red, yellow, green and no-data accounts per day', () => {
    const option = buildBandDistributionOption(
      [
        { date: '2026-05-01', red: 2, yellow: 3, green: 5, noData: 1, averageScore: 60 },
        { date: '2026-05-02', red: 3, yellow: 3, green: 4, noData: 1, averageScore: 58 },
      ],
      { red: 'Red', yellow: 'Yellow', green: 'Green', noData: 'No data' },
    );
    const series = seriesOf(option);
    assert.deepEqual(
      series.map((s) => [s.name, s.stack, s.data]),
      [
        ['Red', 'accounts', [2, 3]],
        ['Yellow', 'accounts', [3, 3]],
        ['Green', 'accounts', [5, 4]],
        ['No data', 'accounts', [1, 1]],
      ],
    );
  });

  it('plots churn per band in percent and leaves an empty band without a bar', () => {
    const option = buildBandChurnOption(
      [
        { band: 'red', accounts: 20, churned: 9, churnRate: 0.45 },
        { band: 'green', accounts: 50, churned: 3, churnRate: 0.06 },
        { band: 'no_data', accounts: 0, churned: 0, churnRate: null },
      ],
      { red: 'Red', yellow: 'Yellow', green: 'Green', noData: 'No data', churnRate: 'Churn rate' },
      0.17,
    );
    const bars = seriesOf(option)[0]!.data as { value: number | null }[];
    assert.deepEqual(
      bars.map((b) => b.value),
      [45, 6, null],
    );
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['Red', 'Green', 'No data']);
    assert.deepEqual((seriesOf(option)[0] as unknown as { markLine: { data: { yAxis: number }[] } }).markLine.data, [{ yAxis: 17 }]);
  });
});
