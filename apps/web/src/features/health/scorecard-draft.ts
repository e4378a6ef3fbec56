import type {
  LifecycleStage,
  MeasureBody,
  MeasureKindName,
  SaveScorecard,
  Scorecard,
  ScorecardChange,
  ScorecardDefinition,
  Tier,
} from '@northstar/contracts';

type Direction = 'higher_is_better' | 'lower_is_better';
type Group = 'outcome' | 'experience';

/** One measure as the editor holds it: numbers stay the text typed until the draft is sent. */
export type MeasureDraft = {
  key: string;
  labelEn: string;
  labelZh: string;
  group: Group;
  weight: string;
  kind: MeasureKindName;
  transformType: 'linear' | 'thresholds';
  direction: Direction;
  min: string;
  max: string;
  /** Comma-separated ascending raw values. */
  cuts: string;
  /** Comma-separated scores, one more than cuts, from the lowest raw value up. */
  scores: string;
  northStarEvent: string;
  northStarAggregate: 'count' | 'sum';
  northStarProperty: string;
};

export type ScorecardDraft = {
  id: string;
  name: string;
  outcomeWeight: string;
  experienceWeight: string;
  tiers: Tier[];
  stages: LifecycleStage[];
  segmentIds: string[];
  priority: string;
  measures: MeasureDraft[];
};

/** A field the editor could not turn into a number: its path (as the API names it) and why. */
export type DraftProblem = { path: string; problem: 'number' | 'numberList' | 'required' };

const numberText = (n: number) => String(n);
const listText = (values: readonly number[]) => values.join(', ');

export function measureToDraft(measure: MeasureBody): MeasureDraft {
  const t = measure.transform;
  const ns = measure.northStar;
  return {
    key: measure.key,
    labelEn: measure.label.en,
    labelZh: measure.label['zh-CN'],
    group: measure.group,
    weight: numberText(measure.weight),
    kind: measure.kind,
    transformType: t.type,
    direction: t.direction,
    min: t.type === 'linear' ? numberText(t.min) : '0',
    max: t.type === 'linear' ? numberText(t.max) : '100',
    cuts: t.type === 'thresholds' ? listText(t.cuts) : '',
    scores: t.type === 'thresholds' ? listText(t.scores) : '',
    northStarEvent: ns?.event ?? '',
    northStarAggregate: ns?.aggregate ?? 'count',
    northStarProperty: ns && ns.aggregate === 'sum' ? ns.property : '',
  };
}

/** The editable copy of a scorecard version (the version's metadata is not edited). */
export function scorecardToDraft(scorecard: ScorecardDefinition | Scorecard): ScorecardDraft {
  return {
    id: scorecard.id,
    name: scorecard.name,
    outcomeWeight: numberText(scorecard.groups.outcome.weight),
    experienceWeight: numberText(scorecard.groups.experience.weight),
    tiers: [...(scorecard.applicability.tiers ?? [])],
    stages: [...(scorecard.applicability.stages ?? [])],
    segmentIds: [...(scorecard.applicability.segmentIds ?? [])],
    priority: numberText(scorecard.applicability.priority),
    measures: scorecard.measures.map(measureToDraft),
  };
}

/** Reads "5, 7, 9" (also "5 7 9" or "5;7;9"); undefined when any part is not a number. */
export function parseNumberList(text: string): number[] | undefined {
  const parts = text
    .split(/[\s,;，]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const values = parts.map((p) => Number(p.replace('−', '-')));
  return values.every(Number.isFinite) ? values : undefined;
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace('−', '-');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The draft as the API's scorecard definition, with every field the editor could not read. The
 * server checks the rest (ascending cuts, weights > 0, …) and names each problem by the same path.
 */
export function draftToDefinition(draft: ScorecardDraft): { definition: ScorecardDefinition; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const num = (text: string, path: string) => {
    const value = parseNumber(text);
    if (value === undefined) problems.push({ path, problem: 'number' });
    return value ?? 0;
  };
  const list = (text: string, path: string) => {
    const values = parseNumberList(text);
    if (!values) problems.push({ path, problem: 'numberList' });
    return values ?? [];
  };

  const measures = draft.measures.map((m, i): MeasureBody => {
    const at = `measures[${i}]`;
    const transform: MeasureBody['transform'] =
      m.transformType === 'linear'
        ? { type: 'linear', direction: m.direction, min: num(m.min, `${at}.transform.min`), max: num(m.max, `${at}.transform.max`) }
        : {
            type: 'thresholds',
            direction: m.direction,
            cuts: list(m.cuts, `${at}.transform.cuts`),
            scores: list(m.scores, `${at}.transform.scores`),
          };
    const measure: MeasureBody = {
      key: m.key.trim(),
      label: { en: m.labelEn.trim(), 'zh-CN': m.labelZh.trim() },
      group: m.group,
      weight: num(m.weight, `${at}.weight`),
      kind: m.kind,
      transform,
    };
    if (m.kind === 'north_star') {
      if (!m.northStarEvent.trim()) problems.push({ path: `${at}.northStar.event`, problem: 'required' });
      if (m.northStarAggregate === 'sum' && !m.northStarProperty.trim())
        problems.push({ path: `${at}.northStar.property`, problem: 'required' });
      measure.northStar =
        m.northStarAggregate === 'sum'
          ? { event: m.northStarEvent.trim(), aggregate: 'sum', property: m.northStarProperty.trim() }
          : { event: m.northStarEvent.trim(), aggregate: 'count' };
    }
    return measure;
  });

  const applicability: ScorecardDefinition['applicability'] = { priority: num(draft.priority, 'applicability.priority') };
  if (draft.tiers.length) applicability.tiers = [...draft.tiers];
  if (draft.stages.length) applicability.stages = [...draft.stages];
  if (draft.segmentIds.length) applicability.segmentIds = [...draft.segmentIds];

  return {
    definition: {
      id: draft.id,
      name: draft.name.trim(),
      groups: {
        outcome: { weight: num(draft.outcomeWeight, 'groups.outcome.weight') },
        experience: { weight: num(draft.experienceWeight, 'groups.experience.weight') },
      },
      measures,
      applicability,
    },
    problems,
  };
}

/** PUT body: the definition without its id, guarded by the version it was edited from. */
export function toSaveBody(definition: ScorecardDefinition, baseVersion: number, note: string): SaveScorecard {
  const { id: _id, ...fields } = definition;
  const body: SaveScorecard = { ...fields, baseVersion };
  if (note.trim()) body.note = note.trim();
  return body;
}

/** A definition with no version metadata, as stored in a version. */
export function definitionOf(scorecard: Scorecard): ScorecardDefinition {
  return {
    id: scorecard.id,
    name: scorecard.name,
    groups: scorecard.groups,
    measures: scorecard.measures,
    applicability: scorecard.applicability,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedList = (values: readonly string[] | undefined) => [...(values ?? [])].sort();

/**
 * What the edit changes, in the server's diff vocabulary ("groups.outcome.weight",
 * "measures.nps.weight", "measures.nps" added or removed), so the editor shows the same lines the
 * version history will show after saving.
 */
export function diffDefinitions(before: ScorecardDefinition, after: ScorecardDefinition): ScorecardChange[] {
  const changes: ScorecardChange[] = [];
  const compare = (path: string, from: unknown, to: unknown) => {
    if (!same(from, to)) changes.push({ path, kind: 'changed', from, to });
  };
  compare('name', before.name, after.name);
  compare('groups.outcome.weight', before.groups.outcome.weight, after.groups.outcome.weight);
  compare('groups.experience.weight', before.groups.experience.weight, after.groups.experience.weight);
  compare('applicability.tiers', sortedList(before.applicability.tiers), sortedList(after.applicability.tiers));
  compare('applicability.stages', sortedList(before.applicability.stages), sortedList(after.applicability.stages));
  compare('applicability.segmentIds', sortedList(before.applicability.segmentIds), sortedList(after.applicability.segmentIds));
  compare('applicability.priority', before.applicability.priority, after.applicability.priority);

  const beforeByKey = new Map(before.measures.map((m) => [m.key, m]));
  const afterByKey = new Map(after.measures.map((m) => [m.key, m]));
  for (const [key, measure] of beforeByKey)
    if (!afterByKey.has(key)) changes.push({ path: `measures.${key}`, kind: 'removed', from: measure, to: null });
  for (const [key, next] of afterByKey) {
    const previous = beforeByKey.get(key);
    if (!previous) {
      changes.push({ path: `measures.${key}`, kind: 'added', from: null, to: next });
      continue;
    }
    for (const field of ['label', 'group', 'weight', 'kind', 'transform', 'northStar'] as const)
      compare(`measures.${key}.${field}`, previous[field] ?? null, next[field] ?? null);
  }
  return changes;
}

/** A changed value as one short line: numbers and text as they are, lists joined, objects as compact JSON. */
export function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object' && value !== null && 'key' in value && 'weight' in value) {
    const m = value as { key: string; weight: number; group: string };
    return `${m.key} (${m.group}, ${m.weight})`;
  }
  return JSON.stringify(value);
}

/** Each group's share of the blend in percent (80/20 by default); null when both weights are 0 or unreadable. */
export function groupShares(
  draft: Pick<ScorecardDraft, 'outcomeWeight' | 'experienceWeight'>,
): { outcome: number; experience: number } | null {
  const outcome = parseNumber(draft.outcomeWeight);
  const experience = parseNumber(draft.experienceWeight);
  if (outcome === undefined || experience === undefined || outcome < 0 || experience < 0 || outcome + experience <= 0) return null;
  const share = Math.round((outcome / (outcome + experience)) * 1000) / 10;
  return { outcome: share, experience: Math.round((100 - share) * 10) / 10 };
}

/** A measure's share of its group in percent, before re-normalising over the measures with data. */
export function measureShareInGroup(measures: readonly MeasureDraft[], index: number): number | null {
  const measure = measures[index];
  if (!measure) return null;
  const own = parseNumber(measure.weight);
  const total = measures.filter((m) => m.group === measure.group).reduce((sum, m) => sum + (parseNumber(m.weight) ?? 0), 0);
  if (own === undefined || total <= 0) return null;
  return Math.round((own / total) * 1000) / 10;
}

/** Starting transforms for a new measure, in the raw unit of its kind (see MeasureKindSchema). */
const NEW_MEASURE_TRANSFORMS: Record<MeasureKindName, MeasureBody['transform']> = {
  seat_utilisation: { type: 'linear', direction: 'higher_is_better', min: 10, max: 80 },
  active_days_per_user: { type: 'linear', direction: 'higher_is_better', min: 1, max: 12 },
  feature_adoption: { type: 'linear', direction: 'higher_is_better', min: 10, max: 70 },
  usage_trend: { type: 'thresholds', direction: 'higher_is_better', cuts: [-30, -10, 10], scores: [0, 40, 75, 100] },
  north_star: { type: 'linear', direction: 'higher_is_better', min: 0, max: 100 },
  nps: { type: 'thresholds', direction: 'higher_is_better', cuts: [5, 7, 9], scores: [0, 40, 75, 100] },
  csat: { type: 'linear', direction: 'higher_is_better', min: 2.5, max: 4.5 },
  support_tickets: { type: 'thresholds', direction: 'lower_is_better', cuts: [3, 6, 11], scores: [100, 75, 40, 0] },
  csm_sentiment: { type: 'linear', direction: 'higher_is_better', min: 1, max: 5 },
  days_since_key_contact: { type: 'linear', direction: 'lower_is_better', min: 14, max: 90 },
  custom: { type: 'linear', direction: 'higher_is_better', min: 0, max: 100 },
};

const EXPERIENCE_KINDS = new Set<MeasureKindName>(['nps', 'csat', 'support_tickets', 'csm_sentiment', 'days_since_key_contact']);

/** A new measure of `kind` with a key not yet used in the scorecard (nps, nps_2, …). */
export function newMeasureDraft(kind: MeasureKindName, existingKeys: readonly string[], label: { en: string; zh: string }): MeasureDraft {
  let key: string = kind;
  for (let n = 2; existingKeys.includes(key); n += 1) key = `${kind}_${n}`;
  const measure: MeasureBody = {
    key,
    label: { en: label.en, 'zh-CN': label.zh },
    group: EXPERIENCE_KINDS.has(kind) ? 'experience' : 'outcome',
    weight: 10,
    kind,
    transform: NEW_MEASURE_TRANSFORMS[kind],
  };
  if (kind === 'north_star') measure.northStar = { event: '', aggregate: 'count' };
  return measureToDraft(measure);
}

/** Switching linear ↔ thresholds keeps the direction and offers a reasonable starting shape. */
export function switchTransformType(measure: MeasureDraft, type: MeasureDraft['transformType']): MeasureDraft {
  if (measure.transformType === type) return measure;
  if (type === 'linear') return { ...measure, transformType: type, min: measure.min || '0', max: measure.max || '100' };
  const rising = measure.direction === 'higher_is_better';
  return {
    ...measure,
    transformType: type,
    cuts: measure.cuts || [measure.min || '0', measure.max || '100'].join(', '),
    scores: measure.scores || (rising ? '0, 50, 100' : '100, 50, 0'),
  };
}

/**
 * An API problem's field in the editor's path form: "/measures/2/transform/min" and
 * "body.measures[2].transform.cuts[1]" become "measures[2].transform.min" and
 * "measures[2].transform.cuts" (a list is edited as one field).
 */
export function normaliseProblemPath(field: string): string {
  let path = field.replace(/^(body|scorecard)?[./]/, '').replace(/^scorecard[./]/, '');
  if (path.includes('/')) path = path.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
  return path.replace(/\.(cuts|scores)\[\d+\]$/, '.$1');
}
