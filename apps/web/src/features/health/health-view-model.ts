import type { HealthBand, MeasureKindName } from '@northstar/contracts';
import type { Tone } from '../../ui/badge';

export type Language = 'en' | 'zh-CN';
export const toLanguage = (language: string): Language => (language === 'zh-CN' ? 'zh-CN' : 'en');

/** A band's colour. No data is grey: an account without a score is unknown, not at risk. */
export function bandTone(band: HealthBand | null | undefined): Tone {
  if (band === 'red') return 'red';
  if (band === 'yellow') return 'amber';
  if (band === 'green') return 'green';
  return 'neutral';
}

/** Band colours shared by every chart, so red means the same on each. */
export const BAND_COLOURS = { red: '#dc2626', yellow: '#d97706', green: '#059669', noData: '#a1a1aa' } as const;

/** Scores are shown as whole points; null (no data) is an empty string for the caller to label. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '' : String(Math.round(score));
}

/** Signed points with a real minus sign and at most one decimal: "+3", "−14", "−0.4". */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return '';
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}`;
}

/** Share of the score that rests on data, in whole percent. */
export function coveragePercent(coverage: number): number {
  return Math.round(Math.max(0, Math.min(1, coverage)) * 100);
}

/** A 0–1 share as whole percent ("45%"); null is an empty string. */
export function formatShare(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  const factor = 10 ** digits;
  return `${Math.round(share * 100 * factor) / factor}%`;
}

/** AUC to two decimals ("0.74"); null (too few outcomes) is an empty string. */
export function formatAuc(auc: number | null | undefined): string {
  return auc === null || auc === undefined || !Number.isFinite(auc) ? '' : auc.toFixed(2);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar arithmetic on YYYY-MM-DD in UTC, so a date never shifts with the browser's zone. */
export function addDays(isoDate: string, days: number): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`not a date: ${isoDate}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** The browser's own calendar date (what the user calls "today"). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The explanation's default comparison: 30 days before the latest score against the latest score
 * (the server's snapshot date, so a browser a day ahead of the server still finds a snapshot).
 */
export function defaultExplanationRange(latestSnapshot: string | null, today: string): { from: string; to: string } {
  const to = latestSnapshot ?? today;
  return { from: addDays(to, -30), to };
}

/** How a measure's raw value reads: which unit label and how many decimals. */
export type RawUnit = 'percent' | 'signedPercent' | 'days' | 'perUser' | 'outOf10' | 'outOf5' | 'count' | 'plain';

const UNIT_BY_KIND: Record<MeasureKindName, RawUnit> = {
  seat_utilisation: 'percent',
  active_days_per_user: 'perUser',
  feature_adoption: 'percent',
  usage_trend: 'signedPercent',
  north_star: 'percent',
  nps: 'outOf10',
  csat: 'outOf5',
  support_tickets: 'count',
  csm_sentiment: 'outOf5',
  days_since_key_contact: 'days',
  custom: 'plain',
};

export function rawUnit(kind: MeasureKindName): RawUnit {
  return UNIT_BY_KIND[kind];
}

/** The raw number as shown before its unit: one decimal at most, "+" on a signed change. */
export function formatRaw(kind: MeasureKindName, raw: number | null): string {
  if (raw === null || !Number.isFinite(raw)) return '';
  const rounded = Math.round(raw * 10) / 10;
  const text = String(Math.abs(rounded));
  if (rawUnit(kind) === 'signedPercent') return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : '0';
  return rounded < 0 ? `−${text}` : text;
}

/** The accounts list's band filter as the API's filter expression (JSON text), or nothing. */
export function healthBandFilter(bands: readonly HealthBand[]): string | undefined {
  if (bands.length === 0) return undefined;
  return JSON.stringify({ op: 'and', conditions: [{ field: 'metric.healthBand', operator: 'in', value: [...bands] }] });
}

/** Toggles one band in a multi-select, keeping red → yellow → green order for stable URLs. */
export function toggleBand(bands: readonly HealthBand[], band: HealthBand): HealthBand[] {
  const next = bands.includes(band) ? bands.filter((b) => b !== band) : [...bands, band];
  const order: HealthBand[] = ['red', 'yellow', 'green'];
  return order.filter((b) => next.includes(b));
}

/** Direction of a score move for colouring: a fall is bad whatever its size. */
export function changeTone(change: number | null | undefined): 'up' | 'down' | 'flat' {
  if (change === null || change === undefined || Math.abs(change) < 0.05) return 'flat';
  return change > 0 ? 'up' : 'down';
}
