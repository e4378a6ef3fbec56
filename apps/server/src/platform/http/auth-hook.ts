import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleCan } from '@northstar/contracts';
import { AppError } from '../errors';
import type { Actor, RouteAccess } from './route-access';

export type ResolveActor = (request: FastifyRequest) => Promise<Actor | undefined>;

/**
 * Authenticates and authorises every request before its body is even validated: an anonymous
 * caller gets 401 and a role without the permission gets 403, whatever it sent. Routes under
 * /api must declare `config.access`; registering one without it fails at start-up.
 */
export function registerAuthHook(app: FastifyInstance, resolveActor: ResolveActor): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const actor = await resolveActor(request);
    if (!actor) throw new AppError('AUTH_REQUIRED', 'Authentication required: log in or send Authorization: Bearer <token>');
    request.actor = actor;
    if (access !== 'authenticated' && !roleCan(actor.role, access.permission)) {
      throw new AppError('AUTH_FORBIDDEN', `Your role (${actor.role}) may not do this: needs ${access.permission}`);
    }
  });
}
