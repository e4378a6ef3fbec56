import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { findBlockedAddress, hostOf, type ResolveHost } from './check-webhook-target';

export type WebhookResponse = {
  /** The receiver's status; null when no response came. */
  statusCode: number | null;
  error: string | null;
  /** The target was refused by the private-address guard: retrying will not help. */
  refused: boolean;
  durationMs: number;
};

class TargetRefusedError extends Error {}

const MAX_ERROR_BODY = 200;

/**
 * One POST, without following redirects (a redirect could point anywhere, including inside the
 * network). The connection is made to an address that passed the guard in the same lookup,
 * so a DNS answer that changes between the check and the connect (rebinding) cannot slip
 * through; a fresh connection per request keeps every connect behind that lookup.
 */
export function sendWebhookRequest(
  url: URL,
  request: { body: string; headers: Record<string, string>; timeoutMs: number; allowPrivate: boolean; resolve: ResolveHost },
): Promise<WebhookResponse> {
  const started = Date.now();
  const done = (r: Omit<WebhookResponse, 'durationMs'>): WebhookResponse => ({ ...r, durationMs: Date.now() - started });
  const host = hostOf(url);
  if (!request.allowPrivate && isIP(host)) {
    const blocked = findBlockedAddress([{ address: host }]);
    if (blocked) return Promise.resolve(done({ statusCode: null, error: `refused: ${blocked}`, refused: true }));
  }
  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    request.resolve(hostname).then(
      (addresses) => {
        const blocked = request.allowPrivate ? undefined : findBlockedAddress(addresses);
        if (blocked) return callback(new TargetRefusedError(`refused: ${hostname} resolves to ${blocked}`), '', 0);
        if (addresses.length === 0) return callback(new Error(`${hostname} does not resolve`), '', 0);
        if (options.all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      lookup: guardedLookup,
      agent: false,
      timeout: request.timeoutMs,
    });
    const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${request.timeoutMs} ms`)), request.timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`timed out after ${request.timeoutMs} ms`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_ERROR_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        clearTimeout(deadline);
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY).trim();
        const error = ok
          ? null
          : status >= 300 && status < 400
            ? `redirect to ${res.headers.location ?? '?'} not followed`
            : `HTTP ${status}${text ? `: ${text}` : ''}`;
        resolve(done({ statusCode: status, error, refused: false }));
      });
      res.on('error', (error) => {
        clearTimeout(deadline);
        resolve(done({ statusCode: res.statusCode ?? null, error: error.message, refused: false }));
      });
    });
    req.on('error', (error) => {
      clearTimeout(deadline);
      resolve(done({ statusCode: null, error: error.message, refused: error instanceof TargetRefusedError }));
    });
    req.end(request.body);
  });
}
