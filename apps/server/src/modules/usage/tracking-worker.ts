// Entry of an ingest worker thread: decodes and prepares large tracking requests off the main
// thread (see tracking-worker-pool.ts). Loaded through tsx, like the rest of the server.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../platform/errors';
import { prepareTrackingRequest } from './prepare-tracking-request';
import { decodeTrackingBody } from './read-tracking-body';
import type { WorkerReply, WorkerTask } from './tracking-worker-messages';

const port = parentPort;
if (!port) throw new Error('tracking-worker.ts runs as a worker thread');

port.on('message', (task: WorkerTask) => {
  void answer(task).then((reply) =>
    // The row bytes move to the main thread rather than being copied.
    port.postMessage(
      reply,
      reply.ok ? [reply.prepared.events.rows.buffer as ArrayBuffer, reply.prepared.events.slots.buffer as ArrayBuffer] : [],
    ),
  );
});

async function answer(task: WorkerTask): Promise<WorkerReply> {
  try {
    const { body, noUnicodeEscapes } = await decodeTrackingBody(task.body, { 'content-encoding': task.contentEncoding });
    const prepared = prepareTrackingRequest(body, task.endpoint, task.workspaceId, new Date(task.receivedAtMs), noUnicodeEscapes);
    return { id: task.id, ok: true, prepared };
  } catch (error) {
    if (error instanceof AppError)
      return { id: task.id, ok: false, error: { code: error.code, message: error.message, details: error.details } };
    return { id: task.id, ok: false, error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
}
