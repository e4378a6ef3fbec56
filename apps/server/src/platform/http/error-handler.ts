import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, ErrorDetail } from '@northstar/contracts';
import { AppError } from '../errors';
import { simplifyDetails, toErrorDetails } from './validation';

function send(reply: FastifyReply, status: number, code: ErrorCode | string, message: string, details: ErrorDetail[] = []) {
  return reply.status(status).send({ error: { code, message, details } });
}

/**
 * Maps every failure to `{"error":{"code","message","details"}}`. Domain errors carry their own
 * code; Fastify's own errors (bad JSON, wrong content type, too large) get a code here.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return send(reply, error.status, error.code, error.message, error.details);
    }
    if (error.validation) {
      const location = error.validationContext ?? 'body';
      const details = simplifyDetails(toErrorDetails(error.validation, location));
      const summary = details.map((d) => `${d.field}: ${d.problem}`).join('; ');
      return send(reply, 400, 'VALIDATION_FAILED', `Invalid ${location}: ${summary}`, details);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, 'VALIDATION_FAILED', `Invalid body: ${error.message}`, [
          { field: 'body', location: 'body', problem: error.message },
        ]);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 413, 'PAYLOAD_TOO_LARGE', 'Request body is too large', [
          { field: 'body', location: 'body', problem: 'too large' },
        ]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported content type: ${request.headers['content-type'] ?? 'none'}`, [
          { field: 'content-type', location: 'headers', problem: 'use application/json' },
        ]);
      default:
        break;
    }
    if (error instanceof SyntaxError) {
      return send(reply, 400, 'VALIDATION_FAILED', `Invalid body: ${error.message}`, [
        { field: 'body', location: 'body', problem: error.message },
      ]);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, 429, 'RATE_LIMITED', error.message || 'Too many requests, slow down');
    if (status >= 400 && status < 500) return send(reply, status, 'BAD_REQUEST', error.message);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', 'Internal server error');
  });
}
