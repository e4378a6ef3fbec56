import type { EventType } from './parse-tracking-event';

/**
 * An event that changes accounts or product users as well as being stored: `identify` (user
 * traits), `group` (links a user to an account, fills the account's fields), `alias` (a new id
 * inherits the old one's account).
 */
export type IdentityEvent = {
  /** Position among the request's prepared rows. */
  row: number;
  type: Extract<EventType, 'identify' | 'group' | 'alias'>;
  userId: string | null;
  groupId: string | null;
  previousId: string | null;
  traits: Record<string, unknown> | null;
  timestampMs: number;
};

/**
 * A request's valid events, ready for the writer: everything computed except the account each
 * row is credited to, which only the write transaction can know. Shaped for the trip from an
 * ingest worker thread to the main thread: the rows travel as one transferred byte buffer and
 * the keys as one string, not as thousands of strings to clone and collect.
 */
export type PreparedEvents = {
  workspaceId: string;
  count: number;
  /** When the request arrived: every row's received_at. */
  receivedAtMs: number;
  /** The rows' de-duplication keys (uuid text), joined by commas. */
  keys: string;
  /** The rows as COPY text in UTF-8, without account_id. */
  rows: Uint8Array;
  /** Per row: the byte offset where its account_id goes, then the offset where it ends. */
  slots: Uint32Array;
  /** What credits a row to an account: its group (a group call's id, else context.groupId)… */
  groupIds: (string | null)[];
  /** …else its user's account. */
  userIds: (string | null)[];
  identities: IdentityEvent[];
};

const KEY_LENGTH = 36;

/** The de-duplication key of a row. */
export const keyOf = (events: PreparedEvents, row: number): string =>
  events.keys.slice(row * (KEY_LENGTH + 1), row * (KEY_LENGTH + 1) + KEY_LENGTH);

export const preparedCount = (events: PreparedEvents): number => events.count;
