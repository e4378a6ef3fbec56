import { parseMoney } from './calculate-account-money';

/** One changed account field as the `account.field_changed` event carries it (API names, `custom.<key>`). */
export type AccountFieldChange = { field: string; from: unknown; to: unknown };

type Values = Record<string, unknown> & { customFields?: Record<string, unknown> | undefined };

// Stored numerics arrive as text ('1200.00'); events carry numbers, as the API does.
const normalise = (field: string, value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (field === 'arr') return parseMoney(value as string | number);
  return value;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields a write really changes: every key of `patch` whose value differs from `before`,
 * custom fields key by key. `updatedAt` and other bookkeeping keys are not changes.
 */
export function calculateAccountFieldChanges(before: Values, patch: Values): AccountFieldChange[] {
  const changes: AccountFieldChange[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || field === 'customFields' || field === 'updatedAt' || field === 'deletedAt') continue;
    const from = normalise(field, before[field]);
    const to = normalise(field, value);
    if (!same(from, to)) changes.push({ field, from, to });
  }
  if (patch.customFields) {
    const beforeCustom = before.customFields ?? {};
    const keys = new Set([...Object.keys(beforeCustom), ...Object.keys(patch.customFields)]);
    for (const key of [...keys].sort()) {
      const from = beforeCustom[key] ?? null;
      const to = patch.customFields[key] ?? null;
      if (!same(from, to)) changes.push({ field: `custom.${key}`, from, to });
    }
  }
  return changes;
}
