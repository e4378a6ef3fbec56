import { encodeCopyJson, encodeCopyValue } from './encode-copy-row';
import { parseTrackingEvent, type EventEnvelope, type TrackingEvent } from './parse-tracking-event';
import type { PreparedEvents } from './prepared-events';
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
  const events: PreparedEvents = { workspaceId, keys: [], heads: [], tails: [], groupIds: [], userIds: [], identities: [] };
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
    const row = events.keys.length;
    events.keys.push(calculateMessageKey(workspaceId, e.messageId));
    events.heads.push(encodeHead(workspaceId, e));
    events.tails.push(
      `\t${e.timestamp.toISOString()}\t${e.originalTimestamp ? e.originalTimestamp.toISOString() : '\\N'}\t${sentAtText(e.sentAt)}\t${receivedAtText}\t${encodeCopyJson(e.properties)}\t${encodeCopyJson(e.traits)}\t${encodeCopyJson(e.context)}\n`,
    );
    events.groupIds.push(e.groupId);
    events.userIds.push(e.userId);
    if (e.type === 'identify' || e.type === 'group' || e.type === 'alias') {
      events.identities.push({
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
  return { events, rejected };
}

/** Columns workspace_id … previous_id, in usage_events' order, each followed by its tab. */
function encodeHead(workspaceId: string, e: TrackingEvent): string {
  return `${workspaceId}\t${encodeCopyValue(e.messageId)}\t${e.type}\t${encodeCopyValue(e.event)}\t${encodeCopyValue(e.name)}\t${encodeCopyValue(e.userId)}\t${encodeCopyValue(e.anonymousId)}\t${encodeCopyValue(e.groupId)}\t${encodeCopyValue(e.previousId)}\t`;
}
