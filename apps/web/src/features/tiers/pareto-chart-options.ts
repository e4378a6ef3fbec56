import type { TiersOverview } from '@northstar/contracts';

/** The Pareto line (cumulative ARR share against account share) with the 80/20 reference. */
export function buildParetoOption(points: TiersOverview['points'], labels: { accounts: string; arr: string; equal: string }) {
  const pct = (v: number) => Math.round(v * 1000) / 10;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => `${String(v)}%` },
    legend: { top: 0, data: [labels.arr, labels.equal] },
    xAxis: {
      type: 'value' as const,
      min: 0,
      max: 100,
      name: labels.accounts,
      nameLocation: 'middle' as const,
      nameGap: 24,
      axisLabel: { formatter: '{value}%' },
    },
    yAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: labels.arr,
        type: 'line' as const,
        showSymbol: false,
        areaStyle: { opacity: 0.12 },
        data: points.map((p) => [pct(p.accountShare), pct(p.arrShare)]),
      },
      // Equal distribution: how the curve would look if every account paid the same.
      {
        name: labels.equal,
        type: 'line' as const,
        showSymbol: false,
        lineStyle: { type: 'dashed' as const, width: 1 },
        data: [
          [0, 0],
          [100, 100],
        ],
      },
    ],
  };
}
