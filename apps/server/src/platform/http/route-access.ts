import type { FastifyRequest } from 'fastify';
import type { Permission, Role } from '@northstar/contracts';
import { AppError } from '../errors';

/** Who is calling: resolved once per request from a session cookie or a Bearer token. */
export type Actor = {
  userId: string;
  workspaceId: string;
  role: Role;
  via: 'session' | 'api_token';
  sessionId?: string;
  keyId?: string;
};

/**
 * Every /api route declares its access rule in its config. `public` needs nothing,
 * `authenticated` any member, `{ permission }` a role holding that permission.
 */
export type RouteAccess = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

/** The caller of a route whose access rule guarantees one; throws if the rule was forgotten. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Authentication required');
  return request.actor;
}
