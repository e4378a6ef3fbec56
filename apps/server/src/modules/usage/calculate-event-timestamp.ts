/** The times a Segment message carries, already parsed; undefined when absent. */
export type EventTimes = {
  timestamp?: Date | undefined;
  originalTimestamp?: Date | undefined;
  sentAt?: Date | undefined;
  receivedAt: Date;
};

/**
 * Segment's clock-skew correction: a device clock may be off by hours, but the difference
 * between when it says the event happened and when it says it sent it is right, so that
 * offset is applied to the server's receive time. Without sentAt the client's time is used as
 * given, and without any client time the event happened when it arrived.
 */
export function calculateEventTimestamp({ timestamp, originalTimestamp, sentAt, receivedAt }: EventTimes): Date {
  const clientTime = timestamp ?? originalTimestamp;
  if (!clientTime) return receivedAt;
  if (!sentAt) return clientTime;
  return new Date(receivedAt.getTime() - (sentAt.getTime() - clientTime.getTime()));
}

// ISO 8601 with a time and an explicit zone; a bare date or a local time would be read in the
// server's zone, which is a silent shift of hours.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Parses an ISO 8601 date-time with a zone; undefined when it is not one. */
export function parseIsoDateTime(value: string): Date | undefined {
  // What Segment's libraries send (toISOString): Date.parse reads it as is.
  if (CANONICAL.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? new Date(ms) : undefined;
  }
  if (!ISO_DATE_TIME.test(value)) return undefined;
  // JavaScript's Date keeps milliseconds only: extra fraction digits are dropped, not rounded up.
  const normalised = value.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
