import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { BacktestReportDto, HealthSettings, PortfolioHealth } from '@northstar/contracts';
import { BAND_COLOURS } from './health-view-model';

export type HealthChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

type TrendPoint = { date: string; score: number | null; outcome: number | null; experience: number | null };
type TrendLabels = { score: string; outcome: string; experience: string };

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * The score over time with CO and CX, drawn over the three band areas: a day without data is a
 * gap in the line (never a drop to zero).
 */
export function buildTrendOption(trend: readonly TrendPoint[], bands: HealthSettings['bands'], labels: TrendLabels): HealthChartOption {
  const area = (from: number, to: number, colour: string) => [{ yAxis: from, itemStyle: { color: colour, opacity: 0.08 } }, { yAxis: to }];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.score, labels.outcome, labels.experience] },
    grid: { left: 36, right: 16, top: 28, bottom: 24 },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((p) => p.date.slice(5)) },
    yAxis: { type: 'value', min: 0, max: 100, interval: 20 },
    series: [
      {
        name: labels.score,
        type: 'line',
        showSymbol: trend.length < 2,
        connectNulls: false,
        lineStyle: { width: 2.5, color: '#4f46e5' },
        itemStyle: { color: '#4f46e5' },
        data: trend.map((p) => round(p.score)),
        markArea: {
          silent: true,
          data: [
            area(0, bands.red, BAND_COLOURS.red),
            area(bands.red, bands.yellow, BAND_COLOURS.yellow),
            area(bands.yellow, 100, BAND_COLOURS.green),
          ] as never,
        },
      },
      {
        name: labels.outcome,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1, type: 'dashed', color: '#0891b2' },
        itemStyle: { color: '#0891b2' },
        data: trend.map((p) => round(p.outcome)),
      },
      {
        name: labels.experience,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1, type: 'dotted', color: '#9333ea' },
        itemStyle: { color: '#9333ea' },
        data: trend.map((p) => round(p.experience)),
      },
    ],
  };
}

type BandLabels = { red: string; yellow: string; green: string; noData: string };

/** Accounts per band per day, stacked so the height is the whole book and each colour its share. */
export function buildBandDistributionOption(days: PortfolioHealth['days'], labels: BandLabels): HealthChartOption {
  const series = (['red', 'yellow', 'green', 'noData'] as const).map((band): LineSeriesOption => ({
    name: labels[band],
    type: 'line',
    stack: 'accounts',
    showSymbol: false,
    lineStyle: { width: 0 },
    areaStyle: { color: BAND_COLOURS[band], opacity: band === 'noData' ? 0.35 : 0.75 },
    itemStyle: { color: BAND_COLOURS[band] },
    emphasis: { focus: 'series' },
    data: days.map((d) => d[band]),
  }));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.red, labels.yellow, labels.green, labels.noData] },
    grid: { left: 44, right: 16, top: 28, bottom: 24 },
    xAxis: { type: 'category', boundaryGap: false, data: days.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

const BACKTEST_BAND_COLOURS: Record<BacktestReportDto['bands'][number]['band'], string> = {
  red: BAND_COLOURS.red,
  yellow: BAND_COLOURS.yellow,
  green: BAND_COLOURS.green,
  no_data: BAND_COLOURS.noData,
};

/**
 * Churn rate per band, in percent, each bar in its band's colour. A band with no accounts has no
 * rate (a missing bar), not a rate of zero.
 */
export function buildBandChurnOption(
  bands: BacktestReportDto['bands'],
  labels: BandLabels & { churnRate: string },
  baseChurnRate: number | null,
): HealthChartOption {
  const name = (band: BacktestReportDto['bands'][number]['band']) => (band === 'no_data' ? labels.noData : labels[band]);
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    grid: { left: 44, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: bands.map((b) => name(b.band)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: labels.churnRate,
        type: 'bar',
        barMaxWidth: 56,
        label: { show: true, position: 'top', formatter: (p) => (p.value === null ? '' : `${String(p.value)}%`) },
        data: bands.map((b) => ({
          value: b.churnRate === null ? null : Math.round(b.churnRate * 1000) / 10,
          itemStyle: { color: BACKTEST_BAND_COLOURS[b.band] },
        })) as never,
        ...(baseChurnRate === null
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#52525b' },
                data: [{ yAxis: Math.round(baseChurnRate * 1000) / 10 }],
              },
            }),
      },
    ],
  };
}
