/** Where a page of a user's events ended: the last event's time (as the database printed it, to the microsecond) and message id. */
export type EventCursor = { timestamp: string; messageId: string };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** An opaque cursor for the next page. */
export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([cursor.timestamp, cursor.messageId])).toString('base64url');
}

/** The cursor a client sent back, or undefined when it is not one of ours. */
export function decodeEventCursor(text: string): EventCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [timestamp, messageId] = value as unknown[];
    if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp) || typeof messageId !== 'string') return undefined;
    return { timestamp, messageId };
  } catch {
    return undefined;
  }
}
