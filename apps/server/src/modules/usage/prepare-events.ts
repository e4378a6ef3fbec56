import { encodeCopyJson, encodeCopyValue } from './encode-copy-row';
import { parseTrackingEvent, type EventEnvelope, type TrackingEvent } from './parse-tracking-event';
import type { IdentityEvent, PreparedEvents } from './prepared-events';
import { calculateMessageKey } from './calculate-message-key';

export type RejectedEvent = { index: number; reason: string };
export type PreparedRequest = { events: PreparedEvents; rejected: RejectedEvent[] };

// Most rows of a batch share sentAt and receivedAt: format each distinct Date once.
function createIsoFormatter() {
  let last: Date | null = null;
  let text = '';
  return (date: Date | null): string => {
    if (date === null) return '\\N';
    if (date !== last) {
      last = date;
      text = date.toISOString();
    }
    return text;
  };
}

/**
 * Validates and encodes a request's events for one workspace (the CPU-heavy half of ingestion,
 * run on an ingest worker thread for large requests). Invalid events are listed by index.
 */
export function prepareEvents(workspaceId: string, raw: readonly unknown[], envelope: EventEnvelope): PreparedRequest {
  const keys: string[] = [];
  // Head (columns before account_id) and tail (after it) of each row, alternating.
  const parts: string[] = [];
  const groupIds: (string | null)[] = [];
  const userIds: (string | null)[] = [];
  const identities: IdentityEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const sentAtText = createIsoFormatter();
  const receivedAtText = envelope.receivedAt.toISOString();
  for (let index = 0; index < raw.length; index++) {
    const parsed = parseTrackingEvent(raw[index], envelope);
    if (!parsed.ok) {
      rejected.push({ index, reason: parsed.reason });
      continue;
    }
    const e = parsed.event;
    const row = keys.length;
    keys.push(calculateMessageKey(workspaceId, e.messageId));
    parts.push(encodeHead(workspaceId, e));
    parts.push(
      `\t${e.timestamp.toISOString()}\t${e.originalTimestamp ? e.originalTimestamp.toISOString() : '\\N'}\t${sentAtText(e.sentAt)}\t${receivedAtText}\t${encodeCopyJson(e.properties)}\t${encodeCopyJson(e.traits)}\t${encodeCopyJson(e.context)}\n`,
    );
    groupIds.push(e.groupId);
    userIds.push(e.userId);
    if (e.type === 'identify' || e.type === 'group' || e.type === 'alias') {
      identities.push({
        row,
        type: e.type,
        userId: e.userId,
        groupId: e.groupId,
        previousId: e.previousId,
        traits: e.traits,
        timestampMs: e.timestamp.getTime(),
      });
    }
  }
  const { rows, slots } = writeRows(parts);
  return {
    events: {
      workspaceId,
      count: keys.length,
      receivedAtMs: envelope.receivedAt.getTime(),
      keys: keys.join(','),
      rows,
      slots,
      groupIds,
      userIds,
      identities,
    },
    rejected,
  };
}

// Reused between requests: rows are written here, then copied out at their exact size.
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** The rows' parts as UTF-8 bytes, with the offset of each account_id gap and row end. */
function writeRows(parts: readonly string[]): { rows: Uint8Array; slots: Uint32Array } {
  let units = 0;
  for (const part of parts) units += part.length;
  // A UTF-16 unit never takes more than 3 bytes of UTF-8.
  if (scratch.length < units * 3) scratch = Buffer.allocUnsafeSlow(units * 3);
  const slots = new Uint32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    at += scratch.write(parts[i]!, at);
    slots[i] = at;
  }
  // Its own ArrayBuffer, exactly this size: it can be transferred to the main thread.
  const rows = new Uint8Array(at);
  rows.set(scratch.subarray(0, at));
  return { rows, slots };
}

/** Columns workspace_id … previous_id, in usage_events' order, each followed by its tab. */
function encodeHead(workspaceId: string, e: TrackingEvent): string {
  return `${workspaceId}\t${encodeCopyValue(e.messageId)}\t${e.type}\t${encodeCopyValue(e.event)}\t${encodeCopyValue(e.name)}\t${encodeCopyValue(e.userId)}\t${encodeCopyValue(e.anonymousId)}\t${encodeCopyValue(e.groupId)}\t${encodeCopyValue(e.previousId)}\t`;
}
