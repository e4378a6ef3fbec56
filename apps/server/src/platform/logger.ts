import type { FastifyServerOptions } from 'fastify';

/** Structured JSON logs; credentials never reach them. */
export function createLoggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.adminPassword',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        '*.secret',
        '*.writeKey',
        '*.apiToken',
      ],
      censor: '[redacted]',
    },
  };
}
