import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { buildAnalyticsJsSettings, readPublicOrigin } from './analytics-js-settings';
import type { EventType } from './parse-tracking-event';
import type { TrackingEndpoint } from './prepare-tracking-request';
import { checkContentType, MAX_REQUEST_BYTES, tooLarge } from './read-tracking-body';
import { OverloadedError, type UsageService } from './usage.service';

// Paths as Segment's libraries post them: analytics-node/python/go use /v1/batch, analytics.js
// (analytics-next) uses the one-letter paths /v1/t, /v1/p, … and /v1/b when batching.
const SINGLE_PATHS: [EventType, string[]][] = [
  ['track', ['/v1/track', '/v1/t']],
  ['identify', ['/v1/identify', '/v1/i']],
  ['group', ['/v1/group', '/v1/g']],
  ['page', ['/v1/page', '/v1/p']],
  ['screen', ['/v1/screen', '/v1/s']],
  ['alias', ['/v1/alias', '/v1/a']],
];
const BATCH_PATHS = ['/v1/batch', '/v1/b', '/v1/import', '/batch'];

const TRACKING_PATHS = new Set([...SINGLE_PATHS.flatMap(([, paths]) => paths), ...BATCH_PATHS]);

/**
 * analytics.js posts from the customer's own web app, so from any origin: the write key, not the
 * origin, authorizes a request, and no cookie is involved. Responses (errors too) carry
 * Access-Control-Allow-Origin: * so the browser lets the library read them, and a preflight (a
 * client sending JSON or an Authorization header) is answered. Other paths get no CORS at all.
 */
const TRACKING_CORS: FastifyCorsOptions = {
  origin: '*',
  methods: ['POST'],
  allowedHeaders: ['Content-Type', 'Content-Encoding', 'Authorization'],
  maxAge: 86_400,
};
const SETTINGS_CORS: FastifyCorsOptions = { origin: '*', methods: ['GET'], maxAge: 86_400 };
const NO_CORS: FastifyCorsOptions = { origin: false };
const SETTINGS_PATH = /^\/v1\/projects\/[^/]+\/settings$/;

function corsFor(path: string): FastifyCorsOptions {
  if (TRACKING_PATHS.has(path)) return TRACKING_CORS;
  return SETTINGS_PATH.test(path) ? SETTINGS_CORS : NO_CORS;
}

// Raw bytes accepted off the wire before decompression and the real (500 KB) check: room for
// JSON that gzip made no smaller, without buffering anything huge.
const RAW_BODY_LIMIT = MAX_REQUEST_BYTES * 2;

/**
 * Segment's HTTP Tracking API, authenticated by a workspace write key rather than a session.
 * Answers 200 {"success":true} only once the events are committed.
 */
export function trackingRoutes(usage: UsageService): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    await app.register(cors, {
      delegator: (request, callback) => {
        const path = request.url.split('?', 1)[0]!;
        callback(null, corsFor(path));
      },
    });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: RAW_BODY_LIMIT }, (_request, body, done) => done(null, body));
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw tooLarge();
      if (error instanceof OverloadedError) {
        void reply.header('retry-after', '1');
        throw new AppError('SERVICE_UNAVAILABLE', error.message);
      }
      throw error;
    });

    const ingest = (request: FastifyRequest, endpoint: TrackingEndpoint) => {
      checkContentType(request.headers['content-type']);
      return usage.ingestRequest({
        body: request.body as Buffer | undefined,
        contentEncoding: request.headers['content-encoding'],
        authorization: request.headers.authorization,
        endpoint,
      });
    };

    for (const [type, paths] of SINGLE_PATHS) {
      for (const url of paths) {
        app.post(url, { schema: { hide: true } }, async (request, reply: FastifyReply) => {
          await ingest(request, { kind: 'single', type });
          return reply.send({ success: true });
        });
      }
    }

    for (const url of BATCH_PATHS) {
      app.post(url, { schema: { hide: true } }, async (request, reply: FastifyReply) => {
        const { rejected } = await ingest(request, { kind: 'batch' });
        return reply.send(rejected.length > 0 ? { success: true, rejected } : { success: true });
      });
    }

    // analytics.js with `cdnURL` set to this server loads its settings here instead of Segment's CDN.
    app.get<{ Params: { writeKey: string } }>('/v1/projects/:writeKey/settings', { schema: { hide: true } }, async (request, reply) => {
      await usage.authenticateWriteKey(request.params.writeKey);
      const origin = readPublicOrigin(request.headers, { protocol: request.protocol, host: request.host });
      return reply.header('cache-control', 'no-store').send(buildAnalyticsJsSettings(request.params.writeKey, origin));
    });

    // Requests still waiting on a commit are answered before the database closes.
    app.addHook('onClose', async () => {
      await usage.drain();
      await usage.close();
    });
  };
}
