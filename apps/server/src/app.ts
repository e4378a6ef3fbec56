import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerAuthHook } from './platform/http/auth-hook';
import { registerErrorHandling } from './platform/http/error-handler';
import { compileValidator } from './platform/http/validation';
import { pingDatabase } from './platform/db/database';
import { AppError } from './platform/errors';
import { createLoggerOptions } from './platform/logger';
import type { Services } from './services';
import { accountsRoutes, contactsRoutes, customFieldsRoutes } from './modules/accounts';
import { apiKeysRoutes } from './modules/api-keys';
import { authRoutes } from './modules/auth';
import { importsRoutes } from './modules/imports';
import { usersRoutes } from './modules/users';
import { trackingRoutes } from './modules/usage';
import { usageAnalyticsRoutes } from './modules/usage-analytics';
import { tiersRoutes } from './modules/tiers';
import { segmentsRoutes } from './modules/segments';
import { lifecycleRoutes } from './modules/lifecycle';
import { healthRoutes, healthScorecardsRoutes } from './modules/health';
import { timelineRoutes } from './modules/timeline';
import { tasksRoutes } from './modules/tasks';
import { playbooksRoutes } from './modules/playbooks';
import { notificationsRoutes } from './modules/notifications';
import { workMetricsRoutes } from './modules/work-metrics';
import { coverageRoutes } from './modules/coverage';
import { rulesRoutes } from './modules/rules';
import { webhooksRoutes } from './modules/webhooks';
import { workspacesRoutes } from './modules/workspaces';

export type AppOptions = {
  services: Services;
  logLevel?: string;
  secureCookies?: boolean;
  /** Built web UI to serve at /; absent in API-only tests. */
  webDist?: string | undefined;
};

export type RouteRecord = { method: string; url: string; access: unknown; hasBody: boolean; bodyExample: unknown };

/**
 * The Fastify application: platform plugins, then every module's routes, registered by hand.
 * `main.ts` listens; tests call `app.inject()`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance & { routeTable: RouteRecord[] }> {
  const { services } = options;
  const app = Fastify({
    logger: createLoggerOptions(options.logLevel ?? 'info'),
    // 1 MB for ordinary API calls; ingestion and imports set their own limits.
    bodyLimit: 1_048_576,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(compileValidator);
  // The API speaks JSON: text/plain to a JSON route is a 415, not a string that fails validation
  // as "body must be object". A route that must take text (a beacon) adds its own parser.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);

  const routeTable: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const body = route.schema?.body as { examples?: unknown[] } | undefined;
      routeTable.push({
        method,
        url: route.url,
        access: (route.config as { access?: unknown } | undefined)?.access,
        hasBody: Boolean(body),
        bodyExample: body?.examples?.[0],
      });
    }
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Swagger must be registered before any route it should document.
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Northstar API', version: '1', description: 'Customer success platform API. Errors are {"error":{"code","message","details"}}.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (nsp_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'ns_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthHook(app, services.auth.resolveActor);

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await pingDatabase(services.database.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes({ auth: services.auth, users: services.users, secureCookies: options.secureCookies ?? false }));
      await api.register(workspacesRoutes(services.workspaces));
      await api.register(usersRoutes(services.users));
      await api.register(apiKeysRoutes(services.apiKeys));
      await api.register(accountsRoutes(services.accounts));
      await api.register(contactsRoutes(services.accounts));
      await api.register(customFieldsRoutes(services.accounts));
      await api.register(importsRoutes(services.imports));
      await api.register(usageAnalyticsRoutes(services.usageAnalytics));
      await api.register(tiersRoutes(services.tiers));
      await api.register(segmentsRoutes(services.segments));
      await api.register(lifecycleRoutes(services.lifecycle));
      await api.register(healthRoutes(services.health));
      await api.register(healthScorecardsRoutes(services.health));
      await api.register(timelineRoutes(services.timeline));
      await api.register(tasksRoutes(services.tasks));
      await api.register(playbooksRoutes(services.playbooks));
      await api.register(rulesRoutes(services.rules));
      await api.register(webhooksRoutes(services.webhooks));
      await api.register(notificationsRoutes(services.notifications));
      await api.register(workMetricsRoutes(services.workMetrics));
      await api.register(coverageRoutes(services.coverage));
    },
    { prefix: '/api/v1' },
  );
  // Segment-compatible tracking API: outside /api/v1, authenticated by write key.
  await app.register(trackingRoutes(services.usage));

  registerWebUi(app, options.webDist);
  return Object.assign(app, { routeTable });
}

function registerWebUi(app: FastifyInstance, webDist: string | undefined): void {
  const indexHtml = webDist ? path.join(webDist, 'index.html') : undefined;
  const hasUi = Boolean(indexHtml && fs.existsSync(indexHtml));
  if (hasUi) {
    void app.register(fastifyStatic, { root: webDist!, prefix: '/', index: false, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/v1/') || request.url === '/healthz';
    if (!isApi && hasUi && request.method === 'GET') {
      // Client-side routes (/accounts/123) all load the single-page app.
      return reply.type('text/html').send(fs.createReadStream(indexHtml!));
    }
    throw new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
}
