import type { PlaybookDefinition, PlaybookDiffEntry, PlaybookStep } from '@northstar/contracts';

const TOP_FIELDS = ['name', 'description', 'ctaReason', 'enabled'] as const;

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * What changed between two saves of a playbook, step by step key (so renaming a step reads as a
 * changed title, not a removed and an added step). Reordering is one `steps.order` entry.
 */
export function diffPlaybookDefinitions(before: PlaybookDefinition, after: PlaybookDefinition): PlaybookDiffEntry[] {
  const diff: PlaybookDiffEntry[] = [];
  for (const field of TOP_FIELDS) {
    if (!same(before[field], after[field])) diff.push({ path: field, change: 'changed', before: before[field], after: after[field] });
  }
  const beforeByKey = new Map(before.steps.map((s) => [s.key, s]));
  const afterByKey = new Map(after.steps.map((s) => [s.key, s]));
  for (const step of before.steps) {
    if (!afterByKey.has(step.key)) diff.push({ path: `steps.${step.key}`, change: 'removed', before: step, after: null });
  }
  for (const step of after.steps) {
    const old = beforeByKey.get(step.key);
    if (!old) diff.push({ path: `steps.${step.key}`, change: 'added', before: null, after: step });
    else diff.push(...diffStep(old, step));
  }
  const keptBefore = before.steps.map((s) => s.key).filter((k) => afterByKey.has(k));
  const keptAfter = after.steps.map((s) => s.key).filter((k) => beforeByKey.has(k));
  if (!same(keptBefore, keptAfter)) diff.push({ path: 'steps.order', change: 'changed', before: keptBefore, after: keptAfter });
  return diff;
}

function diffStep(before: PlaybookStep, after: PlaybookStep): PlaybookDiffEntry[] {
  if (before.kind !== after.kind) return [{ path: `steps.${after.key}`, change: 'changed', before, after }];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const entries: PlaybookDiffEntry[] = [];
  for (const field of fields) {
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (!same(a, b)) entries.push({ path: `steps.${after.key}.${field}`, change: 'changed', before: a ?? null, after: b ?? null });
  }
  return entries;
}

/** True when a save would change nothing, so no version is written. */
export function isSameDefinition(a: PlaybookDefinition, b: PlaybookDefinition): boolean {
  return diffPlaybookDefinitions(a, b).length === 0;
}
