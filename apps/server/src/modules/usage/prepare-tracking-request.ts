import { AppError } from '../../platform/errors';
import type { EventType } from './parse-tracking-event';
import { prepareEvents, type PreparedRequest } from './prepare-events';

/** Which endpoint a request came to: /v1/batch and its aliases, or a single-event path. */
export type TrackingEndpoint = { kind: 'batch' } | { kind: 'single'; type: EventType };

/**
 * A decoded tracking request's events, validated and encoded for one workspace. Throws 400 when
 * nothing can be stored: no batch, an empty one, a single event that is invalid, a batch of
 * invalid events only. A batch with some invalid events keeps the rest and lists the others.
 */
export function prepareTrackingRequest(
  body: Record<string, unknown>,
  endpoint: TrackingEndpoint,
  workspaceId: string,
  receivedAt: Date,
  noUnicodeEscapes = false,
): PreparedRequest {
  if (endpoint.kind === 'single') {
    const prepared = prepareEvents(workspaceId, [body], { type: endpoint.type, receivedAt, noUnicodeEscapes });
    const problem = prepared.rejected[0];
    if (problem) {
      throw new AppError('VALIDATION_FAILED', `Invalid ${endpoint.type} event: ${problem.reason}`, [
        { field: 'body', location: 'body', problem: problem.reason },
      ]);
    }
    return prepared;
  }
  if (!Array.isArray(body.batch)) {
    throw new AppError('VALIDATION_FAILED', 'batch is required: an array of events', [
      { field: 'batch', location: 'body', problem: 'must be an array of events' },
    ]);
  }
  if (body.batch.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'batch is empty', [
      { field: 'batch', location: 'body', problem: 'must hold at least one event' },
    ]);
  }
  const prepared = prepareEvents(workspaceId, body.batch, { sentAt: body.sentAt, context: body.context, receivedAt, noUnicodeEscapes });
  if (prepared.events.keys.length === 0) {
    const rejected = prepared.rejected;
    throw new AppError(
      'VALIDATION_FAILED',
      `No valid event in batch: ${rejected
        .slice(0, 3)
        .map((r) => `[${r.index}] ${r.reason}`)
        .join('; ')}`,
      rejected.slice(0, 100).map((r) => ({ field: `batch.${r.index}`, location: 'body', problem: r.reason })),
    );
  }
  return prepared;
}
