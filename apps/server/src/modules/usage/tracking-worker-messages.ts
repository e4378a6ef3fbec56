import type { ErrorCode, ErrorDetail } from '@northstar/contracts';
import type { PreparedRequest } from './prepare-events';
import type { TrackingEndpoint } from './prepare-tracking-request';

/** A request handed to an ingest worker: its raw body, already authenticated. */
export type WorkerTask = {
  id: number;
  body: Uint8Array;
  contentEncoding: string | undefined;
  endpoint: TrackingEndpoint;
  workspaceId: string;
  receivedAtMs: number;
};

/** A worker's answer: the prepared events, or the 4xx it found (code set) or a crash (no code). */
export type WorkerReply =
  | { id: number; ok: true; prepared: PreparedRequest }
  | { id: number; ok: false; error: { code?: ErrorCode; message: string; details?: ErrorDetail[] } };
