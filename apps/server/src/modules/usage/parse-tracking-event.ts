import { randomUUID } from 'node:crypto';
import { calculateEventTimestamp, parseIsoDateTime } from './calculate-event-timestamp';

export const EVENT_TYPES = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Segment's per-event limit: 32 KB of JSON. */
export const MAX_EVENT_BYTES = 32 * 1024;
/** Deeper JSON is refused: PostgreSQL's jsonb and JSON.stringify both recurse on it. */
export const MAX_NESTING_DEPTH = 64;
const MAX_ID_LENGTH = 1024;
const MAX_NAME_LENGTH = 2048;
// Outside these years a timestamp is a client bug, and PostgreSQL could not store all of them.
const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31);

type Json = Record<string, unknown>;

/** One valid event, normalised, ready for the writer. */
export type TrackingEvent = {
  messageId: string;
  type: EventType;
  event: string | null;
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
  /** group: the group's id; other types: context.groupId, the account to credit. */
  groupId: string | null;
  previousId: string | null;
  timestamp: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
  receivedAt: Date;
  properties: Json | null;
  traits: Json | null;
  context: Json | null;
};

export type ParseResult = { ok: true; event: TrackingEvent } | { ok: false; reason: string };

/** What the request around an event supplies: its path's type, a batch's context and sentAt. */
export type EventEnvelope = {
  /** Set by /v1/track and friends; a batch item names its own type. */
  type?: EventType | undefined;
  sentAt?: unknown;
  context?: unknown;
  receivedAt: Date;
  /**
   * The request's JSON text held no `\u` escape. Decoded strict UTF-8 cannot carry a NUL or a
   * lone surrogate any other way, so the per-string scan for them is skipped.
   */
  noUnicodeEscapes?: boolean;
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Invalid extends Error {}
const fail = (reason: string): never => {
  throw new Invalid(reason);
};

function readId(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  // Segment's libraries accept numeric ids and send them as JSON numbers.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  if (value.length > MAX_ID_LENGTH) return fail(`${field} is longer than ${MAX_ID_LENGTH} characters`);
  return value;
}

function readText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  if (value.length > MAX_NAME_LENGTH) return fail(`${field} is longer than ${MAX_NAME_LENGTH} characters`);
  return value;
}

function readObject(value: unknown, field: string): Json | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) return fail(`${field} must be an object`);
  return value;
}

// A batch's sentAt is read once per event: remember the last one. Dates are never mutated here.
let lastTime: { text: string; date: Date } | undefined;

function readTime(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return fail(`${field} must be an ISO 8601 date-time string`);
  if (lastTime?.text === value) return lastTime.date;
  const date = parseIsoDateTime(value);
  if (!date) return fail(`${field} is not an ISO 8601 date-time with a time zone: "${value.slice(0, 40)}"`);
  lastTime = { text: value, date };
  return date;
}

/**
 * Walks the whole value: refuses nesting beyond MAX_NESTING_DEPTH and strings
 * PostgreSQL cannot store (NUL characters, unpaired UTF-16 surrogates from "\ud800" escapes).
 * One such value would otherwise fail the write of every event committed with it. Returns the
 * number of UTF-16 units in its strings and keys plus a margin per value: a cheap size estimate.
 */
function checkStorable(value: unknown, checkStrings: boolean, depth = 1): number {
  if (typeof value === 'string') {
    if (checkStrings) checkString(value);
    return value.length + 8;
  }
  if (typeof value !== 'object' || value === null) return 24;
  // Recursion is bounded: it stops at MAX_NESTING_DEPTH, far below the stack limit.
  if (depth > MAX_NESTING_DEPTH) fail(`nesting is deeper than ${MAX_NESTING_DEPTH} levels`);
  let units = 8;
  if (Array.isArray(value)) {
    for (const item of value) units += checkStorable(item, checkStrings, depth + 1);
  } else {
    for (const key in value) {
      if (checkStrings) checkString(key);
      units += key.length + checkStorable((value as Json)[key], checkStrings, depth + 1);
    }
  }
  return units;
}

// The cheap scan first: surrogates (emoji, rare CJK) are uncommon, lone ones rarer still.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkString(value: string): void {
  if (value.includes('\u0000')) fail('a string contains a NUL character (\\u0000)');
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) fail('a string contains an unpaired UTF-16 surrogate');
}

/**
 * Validates one Segment message and normalises it (HTTP Tracking API semantics): a type, a
 * userId or anonymousId, `event` for track, `groupId` for group, `previousId` and `userId` for
 * alias, ISO timestamps corrected for client clock skew. A missing messageId gets a fresh one,
 * as Segment does; such a message cannot be de-duplicated on retry.
 */
export function parseTrackingEvent(raw: unknown, envelope: EventEnvelope): ParseResult {
  try {
    return { ok: true, event: parse(raw, envelope) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    throw error;
  }
}

function parse(raw: unknown, envelope: EventEnvelope): TrackingEvent {
  if (!isObject(raw)) return fail('an event must be a JSON object');
  // A UTF-16 unit is at most 6 bytes of JSON ("\u0001"): below that bound the exact size of the
  // event cannot exceed the limit, and most events skip serialising it just to measure it.
  if (checkStorable(raw, !envelope.noUnicodeEscapes) * 6 > MAX_EVENT_BYTES) {
    const bytes = Buffer.byteLength(JSON.stringify(raw));
    if (bytes > MAX_EVENT_BYTES) fail(`event is ${bytes} bytes, over the 32 KB limit per event`);
  }
  let type = envelope.type;
  if (!type) {
    if (raw.type === undefined) fail('type is required (one of track, identify, group, page, screen, alias)');
    if (typeof raw.type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(raw.type)) {
      fail(`type must be one of ${EVENT_TYPES.join(', ')}`);
    }
    type = raw.type as EventType;
  }
  const userId = readId(raw.userId, 'userId');
  const anonymousId = readId(raw.anonymousId, 'anonymousId');
  const previousId = readId(raw.previousId, 'previousId');
  if (type === 'alias') {
    if (!previousId) fail('previousId is required for alias');
    if (!userId) fail('userId is required for alias');
  } else if (!userId && !anonymousId) {
    fail('userId or anonymousId is required');
  }
  const event = readText(raw.event, 'event');
  if (type === 'track' && !event) fail('event is required for track');
  const ownContext = readObject(raw.context, 'context');
  const batchContext = isObject(envelope.context) ? envelope.context : null;
  // Batch-level context is a default; the event's own context wins field by field.
  const context = batchContext ? { ...batchContext, ...ownContext } : ownContext;
  let groupId: string | null;
  if (type === 'group') {
    groupId = readId(raw.groupId, 'groupId');
    if (!groupId) fail('groupId is required for group');
  } else {
    groupId = readId(context?.groupId, 'context.groupId');
  }
  const timestamp = readTime(raw.timestamp, 'timestamp');
  const originalTimestamp = readTime(raw.originalTimestamp, 'originalTimestamp');
  const sentAt = readTime(raw.sentAt, 'sentAt') ?? readTime(envelope.sentAt, 'sentAt');
  const corrected = calculateEventTimestamp({ timestamp, originalTimestamp, sentAt, receivedAt: envelope.receivedAt });
  if (corrected.getTime() < MIN_TIME || corrected.getTime() > MAX_TIME) {
    fail(`timestamp ${corrected.toISOString()} is outside the years 1970–9999`);
  }
  return {
    messageId: readId(raw.messageId, 'messageId') ?? randomUUID(),
    type,
    event: type === 'track' ? event : null,
    name: type === 'page' || type === 'screen' ? readText(raw.name, 'name') : null,
    userId,
    anonymousId,
    groupId,
    previousId: type === 'alias' ? previousId : null,
    timestamp: corrected,
    originalTimestamp: originalTimestamp ?? timestamp ?? null,
    sentAt: sentAt ?? null,
    receivedAt: envelope.receivedAt,
    properties: readObject(raw.properties, 'properties'),
    traits: readObject(raw.traits, 'traits'),
    context,
  };
}
