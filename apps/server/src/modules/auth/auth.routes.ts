import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  AcceptInvitationSchema,
  ChangePasswordSchema,
  ErrorResponseSchema,
  LoginRequestSchema,
  SessionInfoSchema,
  SessionSchema,
  Uuid,
} from '@northstar/contracts';
import { AppError } from '../../platform/errors';
import { requireActor } from '../../platform/http/route-access';
import { toUserDto, type UsersService } from '../users';
import { toWorkspaceDto } from '../workspaces';
import { SESSION_COOKIE, type AuthService } from './auth.service';

type Options = { auth: AuthService; users: UsersService; secureCookies: boolean };

// Per client address: invitations and password changes.
const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };
// Failed attempts per client address and email, counted once the body is parsed (a key built in
// onRequest sees no email, and locked out everyone behind one address after 10 logins): slows
// guessing one account without locking out a user who logs in successfully from several tabs.
const LOGIN_PER_ACCOUNT_LIMIT = { max: 10, timeWindow: '1 minute' };
// Per client address over all emails: slows spraying one password across many accounts.
const LOGIN_PER_ADDRESS_LIMIT = { max: 100, timeWindow: '1 minute' };

export function authRoutes({ auth, users, secureCookies }: Options): FastifyPluginAsyncTypebox {
  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      maxAge: 14 * 24 * 3600,
    });
  }

  async function presentSession(workspaceId: string, userId: string, token: string | undefined) {
    const info = await auth.sessionInfo(workspaceId, userId, token);
    return {
      user: toUserDto(info.member),
      workspace: toWorkspaceDto(info.workspace),
      workspaces: info.workspaces,
      csrfToken: info.csrfToken,
    };
  }

  return async (app) => {
    // Only one route-level rate limit runs per request, so the per-account one is applied by hand:
    // read before checking the password, incremented only when the check fails.
    const perAccountLimit = app.createRateLimit({
      ...LOGIN_PER_ACCOUNT_LIMIT,
      keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    });
    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: LOGIN_PER_ADDRESS_LIMIT },
        preHandler: async (request, reply) => {
          const limit = await perAccountLimit(request, { increment: false });
          if (!limit.isAllowed && limit.remaining <= 0) {
            reply.header('retry-after', limit.ttlInSeconds);
            throw new AppError('RATE_LIMITED', `Too many failed logins for this email: retry in ${limit.ttlInSeconds} s`);
          }
        },
        schema: {
          tags: ['auth'],
          summary: 'Log in with email and password; sets the session cookie',
          body: LoginRequestSchema,
          response: { 200: SessionInfoSchema, 401: ErrorResponseSchema, 429: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await auth.login(request.body, { userAgent: request.headers['user-agent'], ip: request.ip }).catch(async (error: unknown) => {
          if (error instanceof AppError && error.code === 'AUTH_INVALID_CREDENTIALS') await perAccountLimit(request);
          throw error;
        });
        setSessionCookie(reply, result.sessionToken);
        return presentSession(result.workspaceId, result.userId, result.sessionToken);
      },
    );
    app.post(
      '/auth/accept-invite',
      {
        config: { access: 'public', rateLimit: LOGIN_RATE_LIMIT },
        schema: { tags: ['auth'], summary: 'Accept an invitation and set a password', body: AcceptInvitationSchema, response: { 200: SessionInfoSchema } },
      },
      async (request, reply) => {
        const member = await users.acceptInvitation(request.body);
        const ws = member.workspaceId;
        const wsSlug = (await auth.sessionInfo(ws, member.id, undefined)).workspace.slug;
        const result = await auth.login({ email: member.email, password: request.body.password, workspace: wsSlug }, {
          userAgent: request.headers['user-agent'],
          ip: request.ip,
        });
        setSessionCookie(reply, result.sessionToken);
        return presentSession(result.workspaceId, result.userId, result.sessionToken);
      },
    );
    app.get(
      '/auth/session',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Who am I: user, workspace, CSRF token', response: { 200: SessionInfoSchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        return presentSession(actor.workspaceId, actor.userId, actor.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined);
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'End this session' },
      },
      async (request, reply) => {
        await auth.logout(requireActor(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
    app.get(
      '/auth/sessions',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Your open sessions', response: { 200: Type.Object({ items: Type.Array(SessionSchema) }) } },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = await auth.listSessions(actor);
        return {
          items: rows.map((s) => ({
            id: s.id,
            current: s.id === actor.sessionId,
            userAgent: s.userAgent,
            ip: s.ip,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
          })),
        };
      },
    );
    app.delete(
      '/auth/sessions/:sessionId',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Revoke one of your sessions', params: Type.Object({ sessionId: Uuid }) },
      },
      async (request, reply) => {
        await auth.revokeSession(requireActor(request), request.params.sessionId);
        return reply.status(204).send();
      },
    );
    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', rateLimit: LOGIN_RATE_LIMIT },
        schema: { tags: ['auth'], summary: 'Change your password; other sessions end', body: ChangePasswordSchema },
      },
      async (request, reply) => {
        await auth.changePassword(requireActor(request), request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send();
      },
    );
  };
}
