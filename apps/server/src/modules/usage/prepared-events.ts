import type { EventType } from './parse-tracking-event';

/**
 * An event that changes accounts or product users as well as being stored: `identify` (user
 * traits), `group` (links a user to an account, fills the account's fields), `alias` (a new id
 * inherits the old one's account).
 */
export type IdentityEvent = {
  /** Position among the batch's prepared rows. */
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
 * row is credited to, which only the write transaction can know. Arrays of plain strings rather
 * than an object per row: it crosses from an ingest worker thread to the main thread by
 * structured clone, where each object would cost an allocation and a deserialisation.
 */
export type PreparedEvents = {
  workspaceId: string;
  /** De-duplication key per row (uuid text). */
  keys: string[];
  /** Each row's COPY text up to account_id (with its tab), and after it (with the newline). */
  heads: string[];
  tails: string[];
  /** What credits a row to an account: its group (a group call's id, else context.groupId)… */
  groupIds: (string | null)[];
  /** …else its user's account. */
  userIds: (string | null)[];
  identities: IdentityEvent[];
};

export const preparedCount = (events: PreparedEvents): number => events.keys.length;
