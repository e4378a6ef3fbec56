import type { Account, UpdateAccount } from '@northstar/contracts';

/** The edit form's inputs: every value a string, as the DOM gives it. */
export type AccountForm = Record<(typeof FORM_FIELDS)[number], string>;

export const FORM_FIELDS = [
  'name',
  'externalId',
  'domain',
  'industry',
  'employees',
  'region',
  'plan',
  'arr',
  'currency',
  'contractStart',
  'renewalDate',
  'licensedSeats',
  'ownerId',
  'tier',
  'lifecycleStage',
  'status',
  'churnDate',
  'churnReason',
  'tags',
] as const;

const INTEGER_FIELDS = new Set(['employees', 'licensedSeats']);

export function toAccountForm(account: Account): AccountForm {
  const form = {} as AccountForm;
  for (const field of FORM_FIELDS) {
    const value = account[field];
    form[field] = Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value);
  }
  return form;
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Only what the user changed goes into the PATCH, so two people editing different fields of one
 * account do not overwrite each other. An emptied input clears the field (null). A number that
 * does not parse is sent as typed so the API's validation names the field.
 */
export function toAccountPatch(account: Account, form: AccountForm): UpdateAccount {
  const before = toAccountForm(account);
  const patch: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const raw = form[field];
    if (raw.trim() === before[field].trim()) continue;
    const text = raw.trim();
    if (field === 'tags') patch.tags = parseTags(text);
    else if (field === 'arr') patch.arr = text === '' ? 0 : toNumber(text);
    else if (INTEGER_FIELDS.has(field)) patch[field] = text === '' ? null : toNumber(text);
    else if (field === 'name' || field === 'currency' || field === 'status')
      patch[field] = field === 'currency' ? text.toUpperCase() : text;
    else patch[field] = text === '' ? null : text;
  }
  return patch as UpdateAccount;
}

function toNumber(text: string): number | string {
  const n = Number(text.replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? n : text;
}
