import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';

export type UsageChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

type Labels = { events: string; activeUsers: string };

/** Daily active users (left axis) and events (right axis) over the range. */
export function buildDailyOption(daily: { date: string; events: number; activeUsers: number }[], labels: Labels): UsageChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.activeUsers, labels.events], top: 0 },
    grid: { left: 40, right: 48, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: daily.map((d) => d.date.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.activeUsers, type: 'line', smooth: true, showSymbol: false, data: daily.map((d) => d.activeUsers) },
      { name: labels.events, type: 'line', yAxisIndex: 1, smooth: true, showSymbol: false, data: daily.map((d) => d.events) },
    ],
  };
}

/** One product user's events per day (bars): when they use the product, and whether it is fading. */
export function buildUserDailyOption(daily: { date: string; events: number }[], label: string): UsageChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 12, bottom: 24 },
    xAxis: { type: 'category', data: daily.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: label, type: 'bar', data: daily.map((d) => d.events) }],
  };
}

/** Users per feature, most adopted on top. */
export function buildFeaturesOption(features: { name: string; users: number }[]): UsageChartOption {
  const sorted = [...features].sort((a, b) => a.users - b.users);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 16, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((f) => f.name) },
    series: [{ type: 'bar', data: sorted.map((f) => f.users) }],
  };
}

/** The activity clock (在线曲线): weekday rows × 24 hour columns of events. */
export function buildActivityClockOption(clock: number[][], weekdays: string[]): UsageChartOption {
  const data = clock.flatMap((row, weekday) => row.map((count, hour) => [hour, weekday, count]));
  const max = Math.max(1, ...clock.flat());
  return {
    tooltip: { position: 'top' },
    grid: { left: 48, right: 16, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80 },
    series: [{ type: 'heatmap', data }],
  };
}
