import type { HealthScoreResult, MeasureResult } from './calculate-health-score';
import type { LocalisedText, MeasureDetail, MeasureKind } from './scorecard';

/** Why a measure appears in a change: its input moved, only its share moved, or it gained or lost data. */
export type ScoreChangeKind = 'changed' | 'reweighted' | 'gained_data' | 'lost_data';

/** A measure's state on one side of the comparison. */
export type MeasureSnapshot = Pick<MeasureResult, 'raw' | 'detail' | 'score' | 'effectiveWeight' | 'contribution'>;

/** One line of "what changed". */
export type ScoreChangeItem = {
  key: string;
  label: LocalisedText;
  kind: ScoreChangeKind;
  /** Points of the total change, one decimal; null when either score is "no data". */
  points: number | null;
  before: MeasureSnapshot | null;
  after: MeasureSnapshot | null;
  text: LocalisedText;
};

/** "What changed" between two health scores of one account, largest movement first. */
export type ScoreChangeExplanation = {
  before: number | null;
  after: number | null;
  /** after − before; null when either side has no data. */
  change: number | null;
  items: ScoreChangeItem[];
};

/**
 * Explains the move from `before` (date A) to `after` (date B). Each measure's points are the
 * difference of its shown contributions; as contributions add up exactly to their score, the
 * listed points add up exactly to the change. A measure whose input did not move can still
 * move points when another measure gains or loses data (its weight is re-normalised).
 */
export function explainScoreChange(before: HealthScoreResult, after: HealthScoreResult): ScoreChangeExplanation {
  const hasTotals = before.score !== null && after.score !== null;
  const keys = [...new Set([...before.measures.map((m) => m.key), ...after.measures.map((m) => m.key)])];
  const items: ScoreChangeItem[] = [];
  for (const key of keys) {
    const a = before.measures.find((m) => m.key === key) ?? null;
    const b = after.measures.find((m) => m.key === key) ?? null;
    const kind = classify(a, b);
    if (kind === null) continue;
    // Tenths as integers so that float error cannot break the exact sum.
    const units = Math.round((b?.contribution ?? 0) * 10) - Math.round((a?.contribution ?? 0) * 10);
    if (units === 0 && (kind === 'changed' || kind === 'reweighted')) continue;
    const points = hasTotals ? units / 10 : null;
    const label = (b ?? a)!.label;
    const measureKind = (b ?? a)!.kind;
    items.push({
      key,
      label,
      kind,
      points,
      before: a && snapshot(a),
      after: b && snapshot(b),
      text: describe(kind, points, label, measureKind, a, b),
    });
  }
  items.sort((x, y) => Math.abs(y.points ?? 0) - Math.abs(x.points ?? 0) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const change = hasTotals ? (Math.round(after.score! * 10) - Math.round(before.score! * 10)) / 10 : null;
  return { before: before.score, after: after.score, change, items };
}

function classify(a: MeasureResult | null, b: MeasureResult | null): ScoreChangeKind | null {
  const hadData = a !== null && a.raw !== null;
  const hasData = b !== null && b.raw !== null;
  if (!hadData && !hasData) return null;
  if (!hadData) return 'gained_data';
  if (!hasData) return 'lost_data';
  return a.raw === b.raw && a.score === b.score ? 'reweighted' : 'changed';
}

function snapshot(measure: MeasureResult): MeasureSnapshot {
  const { raw, detail, score, effectiveWeight, contribution } = measure;
  return { raw, detail, score, effectiveWeight, contribution };
}

type Language = keyof LocalisedText;

function describe(
  kind: ScoreChangeKind,
  points: number | null,
  label: LocalisedText,
  measureKind: MeasureKind,
  a: MeasureResult | null,
  b: MeasureResult | null,
): LocalisedText {
  const line = (language: Language) => {
    const prefix = points === null ? '' : `${formatPoints(points)}${language === 'en' ? ': ' : '：'}`;
    return prefix + describeMeasure(language, kind, label[language], measureKind, a, b);
  };
  return { en: line('en'), 'zh-CN': line('zh-CN') };
}

function describeMeasure(
  language: Language,
  kind: ScoreChangeKind,
  label: string,
  measureKind: MeasureKind,
  a: MeasureResult | null,
  b: MeasureResult | null,
): string {
  const en = language === 'en';
  const value = (m: MeasureResult) => formatValue(language, measureKind, m.raw ?? 0, m.detail);
  switch (kind) {
    case 'gained_data':
      return en ? `${label} now has data (${value(b!)})` : `${label}有了数据（${value(b!)}）`;
    case 'lost_data':
      return en ? `${label} has no data (was ${value(a!)})` : `${label}无数据（之前 ${value(a!)}）`;
    case 'reweighted': {
      const weights = `${formatPercent(a!.effectiveWeight)} → ${formatPercent(b!.effectiveWeight)}`;
      return en ? `${label} unchanged at ${value(b!)}, weight ${weights}` : `${label}保持 ${value(b!)}，权重 ${weights}`;
    }
    case 'changed':
      return `${label} ${formatMove(language, measureKind, a!, b!)}`;
  }
}

/** "41 → 22 of 50 seats" when the parts are known and the denominator held, else value → value. */
function formatMove(language: Language, kind: MeasureKind, a: MeasureResult, b: MeasureResult): string {
  const of = ofPhrase(language, kind, b.detail);
  if (a.detail && b.detail && a.detail.of === b.detail.of && of !== null) {
    return `${formatNumber(a.detail.count)} → ${formatNumber(b.detail.count)}${of}`;
  }
  return `${formatValue(language, kind, a.raw ?? 0, a.detail)} → ${formatValue(language, kind, b.raw ?? 0, b.detail)}`;
}

function formatValue(language: Language, kind: MeasureKind, raw: number, detail: MeasureDetail | null): string {
  const of = ofPhrase(language, kind, detail);
  if (detail && of !== null) return `${formatNumber(detail.count)}${of}`;
  switch (kind) {
    case 'seat_utilisation':
    case 'feature_adoption':
    case 'north_star':
      return `${formatNumber(raw)}%`;
    case 'usage_trend':
      return `${raw > 0 ? '+' : ''}${formatNumber(raw)}%`;
    case 'days_since_key_contact':
      return language === 'en' ? `${formatNumber(raw)} days` : `${formatNumber(raw)} 天`;
    default:
      return formatNumber(raw);
  }
}

function ofPhrase(language: Language, kind: MeasureKind, detail: MeasureDetail | null): string | null {
  if (!detail) return null;
  const of = formatNumber(detail.of);
  if (kind === 'seat_utilisation') return language === 'en' ? ` of ${of} seats` : `（共 ${of} 席位）`;
  if (kind === 'north_star') return language === 'en' ? ` of target ${of}` : `（目标 ${of}）`;
  return language === 'en' ? ` of ${of}` : `（共 ${of}）`;
}

// One fixed locale for digits in both languages: grouping must not follow the server's locale.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function formatNumber(value: number): string {
  return numberFormat.format(value).replace(/^-/, '−');
}

function formatPoints(points: number): string {
  if (points === 0) return '0';
  return `${points > 0 ? '+' : '−'}${numberFormat.format(Math.abs(points))}`;
}

function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
