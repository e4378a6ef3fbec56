import type { ACCOUNT_SORTS } from '@northstar/contracts';

export type AccountSort = (typeof ACCOUNT_SORTS)[number];
export type AccountSortField = 'name' | 'arr' | 'renewalDate' | 'createdAt' | 'updatedAt' | 'health';
export type SortDirection = 'asc' | 'desc';

/**
 * Where the previous page stopped: the sort key of its last row (as the database printed it, so
 * no precision is lost) and that row's id, which breaks ties so no row is skipped or repeated.
 */
export type AccountCursor = { sort: AccountSort; key: string | null; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A cursor is decoded from user input and its key is cast in SQL: a malformed key must be a 400,
// never a database error.
const KEY_PATTERNS: Record<AccountSortField, RegExp> = {
  name: /^[\s\S]{0,400}$/,
  arr: /^\d{1,12}(\.\d{1,2})?$/,
  renewalDate: /^\d{4}-\d{2}-\d{2}$/,
  createdAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  updatedAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  // A real as PostgreSQL prints it: shortest exact digits, an exponent for very small values.
  health: /^-?\d{1,4}(\.\d{1,12})?(e-?\d{1,2})?$/,
};

/** Splits '-arr' into its field and direction; no sort means by name, A to Z. */
export function calculateAccountSort(sort: AccountSort | undefined): { field: AccountSortField; direction: SortDirection } {
  const value = sort ?? 'name';
  return value.startsWith('-')
    ? { field: value.slice(1) as AccountSortField, direction: 'desc' }
    : { field: value as AccountSortField, direction: 'asc' };
}

/** An opaque, URL-safe token for the next page. */
export function encodeAccountCursor(cursor: AccountCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back; undefined when it is malformed or was made for another sort order
 * (following it would silently skip rows).
 */
export function decodeAccountCursor(text: string, sort: AccountSort | undefined): AccountCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [cursorSort, key, id] = parsed as unknown[];
  const expected = sort ?? 'name';
  if (cursorSort !== expected) return undefined;
  if (typeof id !== 'string' || !UUID.test(id)) return undefined;
  if (key !== null && typeof key !== 'string') return undefined;
  const { field } = calculateAccountSort(expected);
  if (key !== null && !KEY_PATTERNS[field].test(key)) return undefined;
  return { sort: expected, key, id };
}
