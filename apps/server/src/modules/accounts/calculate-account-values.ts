import type { UpdateAccount } from '@northstar/contracts';
import type { AccountPatch } from './accounts.repository';
import { normaliseTags } from './calculate-tags';

/** Optional text as stored: trimmed, and blank means "not set" so filters never see "  ". */
export function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** numeric(14,2) text for an amount in major units, rounded to the cent. */
export function toMoneyText(amount: number): string {
  return (Math.round(amount * 100) / 100).toFixed(2);
}

const TEXT_FIELDS = ['externalId', 'domain', 'industry', 'region', 'plan'] as const;
const PLAIN_FIELDS = [
  'employees',
  'currency',
  'contractStart',
  'renewalDate',
  'licensedSeats',
  'ownerId',
  'tier',
  'lifecycleStage',
] as const;

/**
 * The columns an API input writes, leaving out what it did not mention. Name, status, churn and
 * custom fields need rules and lookups, so the service sets those itself.
 */
export function calculateAccountColumns(
  input: Omit<UpdateAccount, 'name' | 'status' | 'churnDate' | 'churnReason' | 'customFields'>,
): AccountPatch {
  const columns: AccountPatch = {};
  for (const field of TEXT_FIELDS) {
    const value = cleanText(input[field]);
    if (value !== undefined) columns[field] = value;
  }
  for (const field of PLAIN_FIELDS) {
    if (input[field] !== undefined) (columns as Record<string, unknown>)[field] = input[field];
  }
  if (input.arr !== undefined) columns.arr = toMoneyText(input.arr);
  if (input.tags !== undefined) columns.tags = normaliseTags(input.tags);
  return columns;
}
