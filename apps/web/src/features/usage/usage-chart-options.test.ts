import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildActivityClockOption, buildDailyOption, buildFeaturesOption, buildUserDailyOption } from './usage-chart-options';

describe('usage chart options', () => {
  it('plots active users and events per day on two axes', () => {
    const option = buildDailyOption([{ date: '2026-03-02', events: 9, activeUsers: 3 }], { events: 'Events', activeUsers: 'Users' });
    const series = option.series as { name: string; data: number[]; yAxisIndex?: number }[];
    assert.deepEqual(
      series.map((s) => [s.name, s.data, s.yAxisIndex ?? 0]),
      [
        ['Users', [3], 0],
        ['Events', [9], 1],
      ],
    );
  });

  it('orders features so the most adopted is drawn on top', () => {
    const option = buildFeaturesOption([
      { name: 'A', users: 5 },
      { name: 'B', users: 1 },
    ]);
    assert.deepEqual((option.yAxis as { data: string[] }).data, ['B', 'A']);
  });

  it('turns the 7 × 24 clock into [hour, weekday, count] cells', () => {
    const clock = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    clock[2]![14] = 6;
    const option = buildActivityClockOption(clock, ['M', 'T', 'W', 'T', 'F', 'S', 'S']);
    const data = (option.series as { data: number[][] }[])[0]!.data;
    assert.equal(data.length, 168);
    assert.deepEqual(
      data.find((cell) => cell[2] === 6),
      [14, 2, 6],
    );
  });

  it('draws a product user’s events per day as bars, labelled by month-day', () => {
    const option = buildUserDailyOption(
      [
        { date: '2026-03-03', events: 7 },
        { date: '2026-03-04', events: 0 },
      ],
      'Events',
    );
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['03-03', '03-04']);
    assert.deepEqual((option.series as { type: string; data: number[] }[])[0], { name: 'Events', type: 'bar', data: [7, 0] });
  });
});
