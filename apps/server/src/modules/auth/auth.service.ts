import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/http/route-access';
import { dummyPasswordHash, generateSecret, safeEqual, sha256, verifyPassword } from '../../platform/security/secrets';
import type { ApiKeysService } from '../api-keys';
import type { UsersService } from '../users';
import type { WorkspacesService } from '../workspaces';
import { createAuthRepository } from './auth.repository';

export type AuthService = ReturnType<typeof createAuthService>;

export const SESSION_COOKIE = 'ns_session';
export const CSRF_HEADER = 'x-csrf-token';
// Sliding: every use pushes expiry out, so an active user stays in and an idle one is logged out.
const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token is derived from the session secret, so it needs no storage and cannot be
 * computed by a page that cannot read the httpOnly cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256(`csrf:${sessionToken}`);
}

type Deps = {
  database: Database;
  clock: Clock;
  users: UsersService;
  workspaces: WorkspacesService;
  apiKeys: ApiKeysService;
};

export function createAuthService({ database, clock, users, workspaces, apiKeys }: Deps) {
  const repo = createAuthRepository(database.db);

  async function actorFromSession(token: string, request: FastifyRequest): Promise<Actor> {
    const now = clock.now();
    const session = await repo.findLiveSession(sha256(token), now);
    if (!session) throw new AppError('AUTH_REQUIRED', 'Your session has ended: log in again');
    const member = await users.findMemberOrUndefined(session.workspaceId, session.userId);
    if (!member || !member.active) throw new AppError('AUTH_REQUIRED', 'Your access to this workspace has ended');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(token))) {
        throw new AppError('AUTH_CSRF_FAILED', `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated request`);
      }
    }
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await repo.touchSession(session.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
    }
    return { userId: member.id, workspaceId: session.workspaceId, role: member.role, via: 'session', sessionId: session.id };
  }

  async function actorFromBearer(token: string): Promise<Actor> {
    const key = await apiKeys.authenticate(token, 'api_token');
    if (!key || !key.userId) throw new AppError('AUTH_REQUIRED', 'Unknown API token');
    const member = await users.findMemberOrUndefined(key.workspaceId, key.userId);
    if (!member || !member.active) throw new AppError('AUTH_REQUIRED', 'The owner of this token no longer has access');
    return { userId: member.id, workspaceId: key.workspaceId, role: member.role, via: 'api_token', keyId: key.id };
  }

  return {
    /** Who is calling, from `Authorization: Bearer` or the session cookie; undefined if neither. */
    async resolveActor(request: FastifyRequest): Promise<Actor | undefined> {
      const auth = request.headers.authorization;
      if (auth) {
        const match = /^Bearer\s+(\S+)$/i.exec(auth);
        if (!match) throw new AppError('AUTH_REQUIRED', 'Authorization header must be "Bearer <token>"');
        return actorFromBearer(match[1]!);
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) return actorFromSession(cookie, request);
      return undefined;
    },

    /**
     * Checks email and password and opens a session in the requested (or first) workspace.
     * The same error for a wrong email and a wrong password, and the same time taken.
     */
    async login(input: { email: string; password: string; workspace?: string | undefined }, meta: { userAgent?: string | undefined; ip?: string | undefined }) {
      const user = await users.findUserByEmail(input.email);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
      if (!user || !user.passwordHash || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS', 'Wrong email or password');
      const memberships = await users.listMembershipsOfUser(user.id);
      let workspaceId: string | undefined;
      if (input.workspace) {
        const ws = await workspaces.findWorkspaceBySlug(input.workspace);
        workspaceId = memberships.find((m) => m.workspaceId === ws?.id)?.workspaceId;
        if (!workspaceId) throw new AppError('AUTH_INVALID_CREDENTIALS', 'Wrong email or password');
      } else {
        workspaceId = memberships[0]?.workspaceId;
      }
      if (!workspaceId) throw new AppError('AUTH_FORBIDDEN', 'This user belongs to no workspace');
      const { secret, hash } = generateSecret('nss');
      const now = clock.now();
      await repo.insertSession({
        workspaceId,
        userId: user.id,
        tokenHash: hash,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        ip: meta.ip ?? null,
        // From the clock, not the database's now(): idle expiry compares against clock time.
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      });
      await users.touchLogin(user.id);
      return { sessionToken: secret, workspaceId, userId: user.id };
    },

    async sessionInfo(workspaceId: string, userId: string, sessionToken: string | undefined) {
      const member = await users.getMember(workspaceId, userId);
      const workspace = await workspaces.getWorkspace(workspaceId);
      const memberships = await users.listMembershipsOfUser(userId);
      const all = await Promise.all(
        memberships.map(async (m) => ({ ws: await workspaces.getWorkspace(m.workspaceId), role: m.role })),
      );
      return {
        member,
        workspace,
        workspaces: all.map(({ ws, role }) => ({ id: ws.id, slug: ws.slug, name: ws.name, role })),
        csrfToken: sessionToken ? csrfTokenFor(sessionToken) : '',
      };
    },

    async logout(actor: Actor): Promise<void> {
      if (actor.sessionId) await repo.revokeSession(actor.workspaceId, actor.userId, actor.sessionId, clock.now());
    },

    listSessions: (actor: Actor) => repo.listLiveSessions(actor.workspaceId, actor.userId, clock.now()),

    async revokeSession(actor: Actor, sessionId: string): Promise<void> {
      const ok = await repo.revokeSession(actor.workspaceId, actor.userId, sessionId, clock.now());
      if (!ok) throw new AppError('SESSION_NOT_FOUND', 'Session not found');
    },

    /** Changes the password and ends every other session of this user. */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
      const member = await users.getMember(actor.workspaceId, actor.userId);
      if (!member.passwordHash || !(await verifyPassword(member.passwordHash, currentPassword))) {
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'Current password is wrong', [{ field: 'currentPassword', problem: 'is wrong' }]);
      }
      await users.setPassword(actor.userId, newPassword);
      await repo.revokeOtherSessions(actor.userId, actor.sessionId, clock.now());
    },
  };
}
