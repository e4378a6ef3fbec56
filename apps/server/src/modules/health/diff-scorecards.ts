import type { StoredScorecard } from './stored-scorecard';

/** One difference between two versions of a scorecard, by path (measures are keyed by their key). */
export type ScorecardChange = { path: string; kind: 'added' | 'removed' | 'changed'; from: unknown; to: unknown };

/**
 * The changes from `before` to `after`: name, group weights, applicability, and per measure
 * (matched by key, so reordering is no change) its addition, removal or each changed field.
 */
export function diffScorecards(before: StoredScorecard | null, after: StoredScorecard): ScorecardChange[] {
  if (!before) return [];
  const changes: ScorecardChange[] = [];
  const compare = (path: string, from: unknown, to: unknown) => {
    if (!isSame(from, to)) changes.push({ path, kind: 'changed', from: from ?? null, to: to ?? null });
  };
  compare('name', before.name, after.name);
  compare('groups.outcome.weight', before.groups.outcome.weight, after.groups.outcome.weight);
  compare('groups.experience.weight', before.groups.experience.weight, after.groups.experience.weight);
  for (const field of ['tiers', 'stages', 'segmentIds', 'priority'] as const) {
    compare(`applicability.${field}`, before.applicability[field], after.applicability[field]);
  }
  const previous = new Map(before.measures.map((m) => [m.key, m]));
  const next = new Map(after.measures.map((m) => [m.key, m]));
  for (const measure of before.measures) {
    if (!next.has(measure.key)) changes.push({ path: `measures.${measure.key}`, kind: 'removed', from: measure, to: null });
  }
  for (const measure of after.measures) {
    const old = previous.get(measure.key);
    if (!old) {
      changes.push({ path: `measures.${measure.key}`, kind: 'added', from: null, to: measure });
      continue;
    }
    for (const field of ['label', 'group', 'kind', 'weight', 'transform', 'northStar'] as const) {
      compare(`measures.${measure.key}.${field}`, old[field], measure[field]);
    }
  }
  return changes;
}

/** One line for lists: "measures.nps.weight 25 → 40; added measures.tickets_p1". */
export function summariseScorecardChanges(changes: readonly ScorecardChange[], limit = 8): string {
  if (changes.length === 0) return 'no changes';
  const lines = changes.map((c) => {
    if (c.kind === 'added') return `added ${c.path}`;
    if (c.kind === 'removed') return `removed ${c.path}`;
    return isScalar(c.from) && isScalar(c.to) ? `${c.path} ${show(c.from)} → ${show(c.to)}` : `${c.path} changed`;
  });
  const shown = lines.slice(0, limit).join('; ');
  return lines.length > limit ? `${shown}; and ${lines.length - limit} more` : shown;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

// Key order is not meaning: jsonb reorders keys, a hand-written file may too.
function isSame(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
