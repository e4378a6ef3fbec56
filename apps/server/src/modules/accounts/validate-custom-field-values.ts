import type { ErrorDetail } from '@northstar/contracts';

export type CustomFieldValue = string | number | boolean | null;
export type CustomFieldValues = Record<string, CustomFieldValue>;
export type CustomFieldRule = { key: string; type: 'text' | 'number' | 'date' | 'boolean' | 'select'; options: string[] };

/**
 * Checks submitted values against the workspace's definitions for one entity. Null is always
 * allowed for a defined key: it means "remove this value". One detail per bad key, named
 * `customFields.<key>` so a form can point at the input.
 */
export function validateCustomFieldValues(values: CustomFieldValues, rules: CustomFieldRule[]): ErrorDetail[] {
  const byKey = new Map(rules.map((r) => [r.key, r]));
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = `customFields.${key}`;
    const rule = byKey.get(key);
    if (!rule) {
      details.push({ field, location: 'body', problem: 'is not a custom field of this workspace' });
      continue;
    }
    if (value === null) continue;
    const problem = findValueProblem(rule, value);
    if (problem) details.push({ field, location: 'body', problem });
  }
  return details;
}

function findValueProblem(rule: CustomFieldRule, value: string | number | boolean): string | undefined {
  switch (rule.type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && rule.options.includes(value)
        ? undefined
        : `must be one of ${rule.options.map((o) => JSON.stringify(o)).join(', ')}`;
  }
}

/** 'YYYY-MM-DD' naming a real day (rejects 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** PATCH semantics for custom fields: given keys replace, null removes, others are kept. */
export function mergeCustomFieldValues(current: CustomFieldValues, patch: CustomFieldValues): CustomFieldValues {
  const merged: CustomFieldValues = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
