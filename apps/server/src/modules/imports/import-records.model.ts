import type { CellValue } from './parse-import-cell';

/** An account or contact as the importer compares and writes it: one value per column. */
export type ImportRecord = {
  id: string;
  fields: Record<string, string | number | boolean | string[] | null>;
  customFields: Record<string, unknown>;
  deleted: boolean;
};

export const ACCOUNT_DEFAULTS: ImportRecord['fields'] = {
  externalId: null,
  name: null,
  domain: null,
  industry: null,
  employees: null,
  region: null,
  plan: null,
  arr: 0,
  currency: 'USD',
  contractStart: null,
  renewalDate: null,
  licensedSeats: null,
  ownerId: null,
  tier: null,
  lifecycleStage: null,
  status: 'active',
  churnDate: null,
  churnReason: null,
  tags: [],
};

export const CONTACT_DEFAULTS: ImportRecord['fields'] = {
  externalId: null,
  accountId: null,
  name: null,
  email: null,
  phone: null,
  title: null,
  role: null,
  isKeyPerson: false,
  relationshipStrength: null,
  lastContactedAt: null,
  leftAt: null,
};

/**
 * The record after applying a row's non-empty cells. Empty cells never reach here: on an update
 * they leave the stored value alone, on a create the default stays.
 */
export function applyRowValues(base: ImportRecord, values: Record<string, CellValue>): ImportRecord {
  const fields = { ...base.fields };
  const customFields = { ...base.customFields };
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('custom.')) customFields[key.slice('custom.'.length)] = value;
    else fields[key] = value;
  }
  return { id: base.id, fields, customFields, deleted: false };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Keys whose values differ (custom fields as `custom.<key>`; a restore as `restored`). */
export function diffImportRecords(before: ImportRecord, after: ImportRecord): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(after.fields)) if (!same(before.fields[key], after.fields[key])) changed.push(key);
  const customKeys = new Set([...Object.keys(before.customFields), ...Object.keys(after.customFields)]);
  for (const key of customKeys) if (!same(before.customFields[key], after.customFields[key])) changed.push(`custom.${key}`);
  if (before.deleted && !after.deleted) changed.push('restored');
  return changed;
}
