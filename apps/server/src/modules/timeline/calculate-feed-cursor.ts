/**
 * The position after the last item of a newest-first page: its time (as PostgreSQL printed it,
 * to the microsecond, so no item is skipped or repeated) and its id as the tie-breaker.
 */
export type FeedCursor = { at: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The cursor, or undefined when the text is not one of ours (the caller answers 400). */
export function decodeFeedCursor(text: string): FeedCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !TIME.test(at) || !UUID.test(id)) return undefined;
    return { at, id };
  } catch {
    return undefined;
  }
}
